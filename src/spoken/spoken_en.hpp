#pragma once
// Internal to the English rules (spoken_en.cpp: the dispatcher and words, abbreviations, names;
// spoken_en_symbols.cpp: symbols and identifiers; spoken_en_numbers.cpp: numbers in context and
// reading a written number; spoken_en_codes.cpp: numbers that are codes; spoken_en_amounts.cpp:
// money and units of measure; spoken_en_dates.cpp: dates and times; spoken_en_electronic.cpp:
// addresses on the net, phones).

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/strings.hpp"
#include "spoken/spoken_rules.hpp"

namespace briefcast::spoken::en {

// The sentence being read and the data.
struct Sentence {
  const std::vector<Token>& tokens;
  const LanguageData& data;
  const std::set<std::string>& keep;
  const Token* at(std::size_t i) const { return i < tokens.size() ? &tokens[i] : nullptr; }
};

// A rule's result: `count` tokens (0: no match) read as `text`. `dot_used`: the last token's
// '.' belonged to the word (an abbreviation) and is dropped mid-sentence.
struct Match {
  std::size_t count = 0;
  std::string text;
  bool dot_used = false;
};
inline Match ok(std::size_t count, std::string text, bool dot_used = false) {
  return {count, std::move(text), dot_used};
}

// A written number: sign, integer digits (group commas removed), fraction digits.
struct Number {
  bool negative = false;
  std::string int_digits;   // may be empty (".5")
  std::string frac_digits;  // empty when there is no point
  bool point = false;       // a decimal point was written
  bool grouped = false;     // thousands separators were written (2,500)
};

// Splits "12.5kg" into the numeric prefix "12.5" and the rest "kg". A leading '-' is kept; a
// trailing ',' or '.' goes with the rest.
std::pair<std::string, std::string> split_number(std::string_view s);
// "1", "-2", "3,000.5": sign, digits with or without thousands separators, decimals; nullopt
// for anything else. A leading U+2212 minus sign counts as '-'.
std::optional<Number> parse_number(std::string_view s);
// A positive integer equal to one ("1", "01"): singular words follow it.
bool is_one(const Number& n);
// "minus two", "one hundred and twenty three", "three point one four"; long ungrouped integers
// (5+ digits) and leading zeros digit by digit.
std::string read_number(const Number& n, const LanguageData& d, bool with_and = true);
// Reads digits runs and letters of an identifier: "B2A23C" -> "B two A twenty three C".
std::string read_alphanumeric(std::string_view s, const LanguageData& d);

// The token starts with a digit.
inline bool is_number_start(const Token* t) {
  return t && !t->core.empty() && is_digit(t->core[0]);
}
bool is_capitalized(std::string_view w);  // starts with A-Z
bool is_letters(std::string_view w);      // only ASCII letters, not empty

// A unit of measure written `u` ("km", "KG", "kg/m", "km/h"), or nullopt. `spaced`: the unit
// stands apart from its number ("5 in"), where units that are also words are refused.
std::optional<UnitNames> find_unit(const std::string& u, const LanguageData& d, bool spaced);
// The unit's singular after one, else its plural.
std::string unit_words(const Number& n, const UnitNames& u);
// An amount used as an adjective before a noun, where a newsreader says the unit in the
// singular: "a $2.5 billion deal", "an 11 kW charger", "the 5 km race". Tokens [first, after)
// are the amount; it needs an article or possessive before it, no punctuation after it, and a
// lower-case word after it that is not a function word ("the $5 in cash" stays plural).
// `unit_dot`: the amount's last token ends in the dot of an abbreviated unit ("sq. ft."), which
// is no punctuation.
bool amount_is_adjective(const Sentence& s, std::size_t first, std::size_t after,
                         bool unit_dot = false);

Match match_date_time(const Sentence& s, std::size_t i);  // spoken_en_dates.cpp
Match match_numeric(const Sentence& s, std::size_t i);    // spoken_en_numbers.cpp
Match code_number(const Sentence& s, std::size_t i);      // spoken_en_codes.cpp
Match range(const Sentence& s, std::size_t i);            // spoken_en_ranges.cpp
// "1980s", "'80s", "80s" -> "nineteen eighties", "eighties"; nullopt for anything else.
std::optional<std::string> decade_token(std::string_view core, const LanguageData& d);
bool is_year(std::string_view s);  // four digits 1100-2099
// "3/4" -> "three quarters", "1/4th"; `mixed` after a whole number ("a half"). A split written
// like a fraction ("50/50") reads as two numbers unless `mixed`.
std::optional<std::string> fraction_token(std::string_view core, const LanguageData& d, bool mixed);
// Token i read as an amount of money; `core` is its text (a part of it for "$50-$100").
Match match_money(const Sentence& s, std::size_t i, std::string_view core);  // spoken_en_amounts
Match match_electronic(const Sentence& s, std::size_t i);  // spoken_en_electronic.cpp
// spoken_en_symbols.cpp: lone symbols, "#5", hashtags, "A/B", "C++"; identifiers mixing letters
// and digits ("B2A23C", "covid-19"); vulgar fraction characters ("2½").
Match symbol(const Sentence& s, std::size_t i);
Match mixed(const Sentence& s, std::size_t i);
Match vulgar(const Sentence& s, std::size_t i);

}  // namespace briefcast::spoken::en
