#pragma once
// Internal to the normalizer: the data a language file provides, the token stream the rules
// work on, and the entry point each spoken_<language>.cpp implements. Not a stage interface.

#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace briefcast::spoken {

// Names of one currency: major unit singular/plural, minor unit singular/plural ("" if none).
struct CurrencyNames {
  std::string singular, plural, minor_singular, minor_plural;
};

// Singular and plural of a unit ("kilometer", "kilometers").
struct UnitNames {
  std::string singular, plural;
};

// Everything `lang/<language>.json` holds, validated on load (see normalizer.cpp).
struct LanguageData {
  std::string file;                               // path, for messages
  std::vector<std::string> ones;                  // 0..19
  std::vector<std::string> tens;                  // index 2..9 used
  std::string hundred;                            // "hundred"
  std::vector<std::string> scales;                // thousand, million, ...
  std::string and_word;                           // before the last group's tens; "" none
  std::map<std::string, std::string> region_and;  // "US" -> "": and_word by region
  std::set<std::string> day_first_regions;        // regions writing "05/03/2026" for 5 March ("GB")
  bool numeric_day_first = false;                 // the source's region is one of them
  std::string minus, point, oh;                   // "minus", "point", "oh" (0 in years)
  std::map<std::string, std::string> ordinal_irregular;  // "one" -> "first"
  std::string ordinal_suffix, ordinal_y_suffix;          // "th", "ieth" (twenty -> twentieth)
  std::map<std::string, std::string> ordinal_markers;    // "1" -> "st"; "*" default
  std::map<int, std::pair<std::string, std::string>> fractions;  // 2 -> half/halves
  std::string plural_suffix;                                     // "s"
  std::map<std::string, std::string> words;          // fixed words: "to", "per", "dot", ...
  std::vector<std::string> months;                   // 12 names
  std::map<std::string, int> month_lookup;           // lower-case name or abbreviation -> 1..12
  std::map<std::string, std::string> abbreviations;  // "Gov." -> "Governor" (case-sensitive)
  std::map<std::string, std::string> title_abbreviations;   // before a name: "Dr." -> "Doctor"
  std::map<std::string, std::string> place_abbreviations;   // after a name: "St." -> "Street"
  std::map<std::string, std::string> number_abbreviations;  // before a number: "No." -> "number"
  std::map<std::string, std::string> directions;            // "N" -> "North" (in addresses)
  std::map<std::string, std::string> regions;               // "CA" -> "California" (addresses)
  std::map<std::string, std::string> phrases;               // whole tokens: "9/11" -> ...
  std::map<std::string, CurrencyNames> currencies;          // "$", "US$", "£", "EUR" ...
  std::string cents_joiner;                                 // "and": "three dollars and ..."
  std::map<std::string, std::string> scale_suffixes;        // "bn" -> "billion"
  std::map<std::string, UnitNames> units;                   // "km" -> kilometer(s)
  std::set<std::string> spaced_unit_exclusions;             // units only read when attached ("5in")
  std::map<std::string, std::string> per_units;             // after "/": "mo" -> "month"
  std::map<std::string, std::string> symbols;               // "&" -> "and"
  std::set<std::string> time_zones;                         // "GMT", ...
  std::map<std::string, std::string> era_words;             // "AD" -> "A D"
  std::set<std::string> roman_cardinal_context;             // "chapter" IV -> "four"
  std::set<std::string> roman_excluded;   // capitalised words that are not numerals
  std::set<std::string> spoken_tlds;      // top-level domains read as words or letters
  std::set<std::string> acronym_onsets;   // consonant clusters a word may start with
  std::set<std::string> acronym_words;    // capitals read as a word: "NASA", "IT", "IN"
  std::set<std::string> acronym_spelled;  // capitals spelled letter by letter: "CDC", "GOP"
  std::set<std::string> agencies;         // wire agencies dropped from datelines: "AP", "Reuters"
  std::string vowels;                     // upper-case vowels, "AEIOUY"
  std::set<std::string> model_makers;     // a 3-digit number after one is a model ("Boeing")
  std::set<std::string> model_variants;   // ... and before one, or glued to it ("Max", "neo")

  // words.at(key), or key itself if the file lacks it (validated on load, so never in practice).
  const std::string& word(const std::string& key) const;
};

// One whitespace-separated piece of the sentence, split into leading punctuation, the core and
// trailing punctuation. A final '.' is kept apart in `dot` so rules can tell "Jan." from "Jan".
struct Token {
  std::string lead;   // ( " ' [ before the core
  std::string core;   // the word itself ("Jan", "$3.5bn", "10:30")
  bool dot = false;   // a '.' followed the core (before `trail`)
  std::string trail;  // , ; : ! ? ) " ' ] after the dot
  std::string with_dot() const { return dot ? core + "." : core; }
};

std::vector<Token> tokenize(std::string_view sentence);

// The rules of one language: reads `tokens` (the whole sentence) and returns the spoken text.
// `keep` holds words to pass through untouched.
using LanguageRules = std::string (*)(const std::vector<Token>& tokens, const LanguageData& data,
                                      const std::set<std::string>& keep);

std::string spoken_en(const std::vector<Token>& tokens, const LanguageData& data,
                      const std::set<std::string>& keep);

}  // namespace briefcast::spoken
