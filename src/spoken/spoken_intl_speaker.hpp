#pragma once
// Internal to spoken_intl*.cpp: the reader of one sentence in a data-driven language. Its rules
// are split by kind: spoken_intl.cpp (the order of the rules, plain numbers, Roman numerals after
// names, abbreviations, symbols), spoken_intl_dates.cpp (dates and clock times),
// spoken_intl_amounts.cpp (money, percent, ordinals, units, ranges and scores).

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "spoken/spoken_intl.hpp"

namespace briefcast::spoken::intl {

// A written number: sign, integer digits without group separators, fraction digits.
struct Num {
  char sign = 0;  // '-', '+' or 0
  std::string int_digits;
  std::string frac_digits;
  bool grouped = false;  // written with group separators ("1.000")
  bool is_integer() const { return frac_digits.empty(); }
};

// "1.000,5", "-3", "3.5" by the language's separators; nullopt for anything else.
std::optional<Num> parse_number(std::string_view s, const IntlData& d);
bool starts_with_vowel(std::string_view w);   // a, e, i, o, u, h or an accented vowel
bool starts_with_letter(std::string_view w);  // an ASCII letter or a UTF-8 letter's lead byte
bool starts_upper(std::string_view w);        // A-Z or À..Þ
std::string replace_all(std::string s, const std::string& from, const std::string& to);
std::string tidy_spaces(const std::string& s);  // doubled spaces of an empty pattern field
// The value of a Roman numeral of I, V and X written the standard way (1-39); 0 otherwise.
int roman_value(std::string_view s);

// A rule's result: `count` tokens read (0: no match) as `text`.
struct Match {
  std::size_t count = 0;
  std::string text;
  bool dot_used = false;  // the last token's '.' belonged to the match ("3." "Mio.")
};

// Reads one tokenized sentence: each token is tried by the rules in order (match()).
class Speaker {
 public:
  Speaker(const std::vector<Token>& tokens, const IntlData& d, const std::set<std::string>& keep)
      : t_(tokens), d_(d), keep_(keep) {}

  // The spoken form of the whole sentence.
  std::string run();

 private:
  const Token* at(std::size_t i) const { return i < t_.size() ? &t_[i] : nullptr; }
  // Token i ends without punctuation, so the next token belongs to the same phrase.
  bool open_after(std::size_t i) const { return t_[i].trail.empty() && !t_[i].dot; }

  // spoken_intl.cpp: words, numbers, the rule order and the rules of no other kind.
  std::string word(const std::string& key) const;
  std::string spell(std::string digits, const std::string& rule_set) const;
  std::string fraction(const std::string& frac) const;
  std::string number(const Num& n, const std::string& rule_set) const;
  std::string before_noun(const Num& n, bool feminine) const;
  bool singular(const Num& n) const;
  const std::string& noun(const IntlNoun& w, const Num& n) const;
  bool is_noun(std::size_t j) const;
  bool feminine_word(const std::string& w) const;
  std::string ordinal_rule_after(std::size_t i) const;
  Match match(std::size_t i);
  Match plain(std::size_t i);
  Match regnal(std::size_t i);
  Match abbreviation(std::size_t i);
  Match symbol(std::size_t i);

  // spoken_intl_dates.cpp
  std::string year(const std::string& digits) const;
  std::string date(const std::string& day_text, int month, const std::string& year_digits) const;
  std::string day(const std::string& digits, std::size_t i) const;
  int month_of(const Token& k) const;
  Match numeric_date(std::size_t i);
  std::string pattern_joiner(const std::string& a, const std::string& b) const;
  bool joiner_at(std::size_t j, const std::string& word) const;
  Match day_month(std::size_t i);
  std::string clock_text(const std::string& h, const std::string& m) const;
  Match clock(std::size_t i);

  // spoken_intl_amounts.cpp
  const std::pair<const std::string, IntlCurrency>* currency_prefix(const std::string& s) const;
  const IntlNoun* scale_of(const Token& k, bool& dot_used) const;
  std::string amount(const Num& n, const IntlNoun* scale, const IntlCurrency& cur) const;
  Match money_before(std::size_t i);
  Match money_after(std::size_t i);
  Match percent(std::size_t i);
  Match ordinal(std::size_t i);
  Match measure(std::size_t i);
  Match range(std::size_t i);

  const std::vector<Token>& t_;
  const IntlData& d_;
  const std::set<std::string>& keep_;
};

}  // namespace briefcast::spoken::intl
