#pragma once
// Internal to the normalizer: spoken forms for the languages described wholly by data
// (`lang/<code>.json` with a "spellout" section: German, French, Spanish, ...). ICU's rule-based
// number formatting spells the numbers (icu_spellout.hpp); the data file gives everything else:
// the rule sets to use (cardinal by gender, ordinal, year, ordinal case after a word), decimal
// and group separators, month names and the date pattern, the clock pattern ("9h15" -> "neuf
// heures quinze", "9.15 Uhr" -> "neun Uhr fünfzehn"), currencies, scale words ("Mio."), units,
// abbreviations and symbols. English keeps its own rules (spoken_en.cpp).

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "spoken/spoken_rules.hpp"

namespace briefcast::spoken {

// A noun read after a number: currency, scale word or unit, singular and plural; `feminine`
// picks the feminine cardinal ("une livre", "doscientas libras", "eine Million").
struct IntlNoun {
  std::string singular, plural;
  bool feminine = false;
};

struct IntlCurrency {
  IntlNoun major;              // "euro"/"euros"
  std::string minor_singular;  // "centime" ("" when cents are read as a bare number)
  std::string minor_plural;
};

struct IntlData {
  std::string file;    // path, for messages
  std::string locale;  // ICU locale, e.g. "fr"
  // ICU rule sets: a number on its own, before a masculine (or neuter) noun, before a feminine
  // noun; ordinals; years.
  std::string numbering, masculine, feminine, ordinal, ordinal_feminine, year;
  std::map<std::string, std::string> ordinal_after;     // previous word -> rule set ("am": -n)
  std::map<std::string, std::string> ordinal_suffixes;  // "er" -> rule set ("1er" -> premier)
  // Roman numerals of I, V and X (1-39), from the optional "roman_numerals" section:
  // `roman_ordinals`: the ordinal suffixes follow them too ("XIXe" -> dix-neuvième);
  bool roman_ordinals = false;
  // after a capitalised name ("Louis XIV") read by this rule set ("": left to eSpeak NG), or as
  // an ordinal up to regnal_ordinal_max ("Felipe VI" -> sexto; 0: never).
  std::string regnal_cardinal;
  int regnal_ordinal_max = 0;
  bool dot_ordinals = false;             // "3. Platz" is an ordinal (German)
  bool nouns_capitalized = false;        // only a capitalised next word is a noun (German)
  std::set<std::string> feminine_words;  // lower-cased nouns that take the feminine number
  std::set<std::string> function_words;  // words after a number that are not its noun
  char decimal_separator = ',';
  std::string group_separators;                  // characters between digit groups: "." (and ' ')
  bool join_spaced_groups = false;               // "1 000" written with a space is one number
  bool fraction_as_number = true;                // "3,14": "quatorze" (true) or digit by digit
  bool singular_below_two = false;               // "1,5 million" (French) vs "1,5 Millionen"
  int year_min = 1000, year_max = 2099;          // four digits read by the year rule set
  std::map<std::string, std::string> words;      // "point", "minus", "percent", "to", "score_to"
  std::vector<std::string> months;               // 12 names
  std::map<std::string, int> month_lookup;       // lower-cased name or abbreviation -> 1..12
  std::string date_pattern;                      // "{day} {month} {year}"
  bool day_ordinal = false;                      // day read as an ordinal (German)
  std::map<std::string, std::string> day_words;  // "1" -> "premier"
  // Clock times: "H<sep>MM" for each separator; a separator listed in time_separators_before
  // is a time only before that word ("9.15 Uhr"); hour_marks are words after the hour that
  // the pattern already says ("Uhr", "h").
  std::set<std::string> time_separators;
  std::map<std::string, std::string> time_separators_before;
  std::set<std::string> hour_marks;
  std::string time_pattern, time_pattern_whole;  // "{hour} {hours_word} {minute}", no minutes
  std::string hour_rule_set, minute_rule_set;
  std::string hour_singular, hour_plural;          // {hours_word}
  std::map<std::string, IntlCurrency> currencies;  // "€", "EUR", "$", "US$", "£"
  // "{amount} {cents}" ("... con {cents}"); "{minor}" names the minor unit where it is said.
  std::string cents_pattern;
  std::string scale_joiner, scale_joiner_vowel;      // "de " / "d'" between "millions" and "euros"
  std::map<std::string, IntlNoun> scales;            // "Mio." -> Million/Millionen
  std::map<std::string, IntlNoun> units;             // "km" -> kilomètre/kilomètres
  std::set<std::string> attached_units;              // units read only when attached ("5m")
  std::map<std::string, std::string> abbreviations;  // "Mme" -> "Madame", "Nr." -> "Nummer"
  std::map<std::string, std::string> symbols;        // "&" -> "et"
};

// True when the data file at `file` is one for this engine (it has a "spellout" section).
bool is_intl_language_file(const std::filesystem::path& file);

// Reads and validates a data file (every rule set is tried with ICU). Throws Error(voice).
IntlData load_intl_language(const std::filesystem::path& file);

// The spoken form of one tokenized sentence.
std::string spoken_intl(const std::vector<Token>& tokens, const IntlData& data,
                        const std::set<std::string>& keep);

}  // namespace briefcast::spoken
