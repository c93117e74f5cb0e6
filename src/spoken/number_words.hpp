#pragma once
// Numbers to words from a language's tables (spoken_rules.hpp): cardinals of any length that the
// scale words cover, ordinals, digit-by-digit readings, year-style pairs, decimals. The
// composition (tens-units, groups of three, "and" before the last group's tens) is the English
// pattern; a language that composes differently adds its own functions beside these.
//
// Inputs are ASCII digit strings, never parsed into integers, so no length overflows; a number
// longer than the scale words reach is read digit by digit.

#include <string>
#include <string_view>

#include "spoken/spoken_rules.hpp"

namespace briefcast::spoken {

// "0"-"9" each as a word: "4056" -> "four zero five six".
std::string digit_words(std::string_view digits, const LanguageData& d);

// "123000" -> "one hundred twenty three thousand"; with_and: "one hundred and twenty three".
std::string cardinal(std::string_view digits, const LanguageData& d, bool with_and = false);

// "21" -> "twenty first"; "1000000" -> "one millionth".
std::string ordinal(std::string_view digits, const LanguageData& d);

// The last word of a cardinal made ordinal: "twenty one" -> "twenty first".
std::string ordinalize(const std::string& words, const LanguageData& d);

// Plural of a word ("third" -> "thirds", "half" via the fraction table is the caller's).
std::string plural(const std::string& word, const LanguageData& d);

// A year or a four-digit number read in pairs: "1984" -> "nineteen eighty four", "1506" ->
// "fifteen oh six", "2005" -> "two thousand five", "1900" -> "nineteen hundred", "2000" -> "two
// thousand". Up to four digits; "340" -> "three forty".
std::string year_words(std::string_view digits, const LanguageData& d);

// "3", "14" -> "three point one four"; an empty integer part reads as "point one four".
std::string decimal_words(std::string_view int_digits, std::string_view frac_digits,
                          const LanguageData& d, bool with_and = false);

}  // namespace briefcast::spoken
