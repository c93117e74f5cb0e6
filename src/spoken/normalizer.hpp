#pragma once
// Spoken-form normalization: rewrites one sentence of written news text into the words a
// newsreader would say, for eSpeak NG to read ("$3.5bn" -> "three point five billion dollars",
// "Jan. 5, 2023" -> "January fifth twenty twenty three", "Dr. Smith" -> "Doctor Smith").
//
// The engine (tokens, dispatch, data loading) is language-independent; the words and
// abbreviations of a language come from `<voices dir>/lang/<language>.json` and its rules from
// one `spoken_<language>.cpp` (English), or, for a data file with a "spellout" section (German,
// French, Spanish), from the data alone with ICU spelling the numbers (spoken_intl.hpp).
// Normalization is a pure function of the sentence, the config and the data file; a data file is
// read once and kept while its modification time and size stay the same (an edited file is read
// again on the next call, also in a long-running `serve`).
//
// Runs after cleaning and sentence splitting and before the voice lexicon: a sentence may still
// contain "Dr." or "U.S." mid-sentence, and words listed in `keep_words` (the lexicon's keys) are
// passed through untouched so the lexicon can respell them.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace briefcast {

struct NormalizerConfig {
  // Data file `lang/<language>.json`: "en-US" reads "en". The region picks the number style of
  // that voice ("numbers.and_by_region": "one hundred twelve" in en-US, "one hundred and twelve"
  // in en-GB); without a region the file's "numbers.and" applies.
  std::string language = "en";
  // The language the text declares ("en-GB"; "" unknown): a source of a day-first region
  // ("numeric_dates_day_first") has "05/03/2026" read as 5 March; otherwise as March 5.
  std::string source_language;
  std::vector<std::string> keep_words;  // whole words left exactly as written (lexicon keys)
  std::filesystem::path data_dir;       // folder holding `lang/`; empty: default_voices_dir()
};

// The spoken form of one UTF-8 sentence. Never throws for odd text (lone symbols, huge numbers,
// long digit runs are read digit by digit or left as written). Throws Error(ExitCode::voice)
// naming the file and field when the language has no rules here or its data file is missing or
// malformed: "'<file>': field '<name>': <problem>".
std::string to_spoken(std::string_view sentence, const NormalizerConfig& config = {});

// The languages that have spoken-form rules, sorted: those compiled in ({"en"}, each still
// needing its data file) and every data-driven one, a `lang/<code>.json` with a "spellout"
// section in `data_dir` (empty: default_voices_dir()), e.g. {"de", "en", "es", "fr"}.
std::vector<std::string> normalizer_languages(const std::filesystem::path& data_dir = {});

// True when `language` ("fr-FR", "de") has spoken-form rules (see normalizer_languages); cheap
// enough to ask for every block (a data file is parsed once per version).
bool has_normalization_rules(std::string_view language, const std::filesystem::path& data_dir = {});

}  // namespace briefcast
