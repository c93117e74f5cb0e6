#pragma once
// Internal to the English rules (spoken_en.cpp: words, abbreviations, names; spoken_en_numbers.cpp:
// money, measures, numbers; spoken_en_dates.cpp: dates and times; spoken_en_electronic.cpp:
// addresses on the net, phones).

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

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

// A written number: sign, integer digits (group commas removed), fraction digits.
struct Number {
  bool negative = false;
  std::string int_digits;   // may be empty (".5")
  std::string frac_digits;  // empty when there is no point
  bool point = false;       // a decimal point was written
  bool grouped = false;     // thousands separators were written (2,500)
};

std::optional<Number> parse_number(std::string_view s);
// "minus two", "one hundred and twenty three", "three point one four"; long ungrouped integers
// (5+ digits) and leading zeros digit by digit.
std::string read_number(const Number& n, const LanguageData& d, bool with_and = true);
// Reads digits runs and letters of an identifier: "B2A23C" -> "B two A twenty three C".
std::string read_alphanumeric(std::string_view s, const LanguageData& d);

std::string lower(std::string_view s);
bool is_upper_ascii(char c);
bool is_capitalized(std::string_view w);  // starts with A-Z
bool is_letters(std::string_view w);      // only ASCII letters, not empty

Match match_date_time(const Sentence& s, std::size_t i);   // spoken_en_dates.cpp
Match match_numeric(const Sentence& s, std::size_t i);     // spoken_en_numbers.cpp
Match match_electronic(const Sentence& s, std::size_t i);  // spoken_en_electronic.cpp

}  // namespace briefcast::spoken::en
