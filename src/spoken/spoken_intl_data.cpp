// Reading `lang/<code>.json` for the data-driven languages (spoken_intl.hpp).

#include <algorithm>

#include "base/error.hpp"
#include "base/file_read.hpp"
#include "base/strings.hpp"
#include "spoken/data_reader.hpp"
#include "spoken/icu_spellout.hpp"
#include "spoken/spoken_intl.hpp"

namespace briefcast::spoken {

namespace {

std::string read_text(const std::filesystem::path& file) {
  try {
    return read_file_bytes(file);
  } catch (const Error&) {
    throw Error(ExitCode::voice, quoted(file) + ": cannot open language data");
  }
}

json parse(const std::filesystem::path& file, const std::string& text) {
  try {
    return json::parse(text);
  } catch (const json::exception& e) {
    throw Error(ExitCode::voice, "'" + file.string() + "': not valid JSON: " + e.what());
  }
}

// "m" or "f" -> feminine flag.
bool feminine_flag(const Reader& r, const std::string& field, const std::string& g) {
  if (g != "m" && g != "f") r.fail(field, "gender must be \"m\" or \"f\", got '" + g + "'");
  return g == "f";
}

std::map<std::string, IntlNoun> nouns(const Reader& r, const std::string& path) {
  std::map<std::string, IntlNoun> m;
  for (auto& [k, v] : r.tuple_map(path, 3))
    m[k] = {v[0], v[1], feminine_flag(r, path + "." + k, v[2])};
  return m;
}

std::set<std::string> lowered(const std::vector<std::string>& v) {
  std::set<std::string> s;
  for (auto& w : v) s.insert(lower_ascii(w));
  return s;
}

}  // namespace

bool is_intl_language_file(const std::filesystem::path& file) {
  try {
    json root = json::parse(read_file_bytes(file));
    return root.is_object() && root.contains("spellout");
  } catch (const std::exception&) {
    return false;
  }
}

IntlData load_intl_language(const std::filesystem::path& file) {
  const json root = parse(file, read_text(file));
  Reader r(root, file.string());
  IntlData d;
  d.file = file.string();
  d.locale = r.str("spellout.icu_locale");
  // Each rule set is tried once here, so a typo names its field instead of reading digits.
  auto check = [&](const std::string& field, const std::string& name) {
    if (!icu_spell(d.locale, name, 1)) {
      std::string known;
      for (auto& n : icu_rule_sets(d.locale)) known += (known.empty() ? "" : ", ") + n;
      r.fail(field, "ICU has no rule set '" + name + "' for locale '" + d.locale + "' (" +
                        (known.empty() ? "no spellout rules" : "known: " + known) + ")");
    }
    return name;
  };
  auto rule_set = [&](const std::string& field) { return check(field, r.str(field)); };
  d.numbering = rule_set("spellout.numbering");
  d.masculine = rule_set("spellout.masculine");
  d.feminine = rule_set("spellout.feminine");
  d.ordinal = rule_set("spellout.ordinal");
  d.ordinal_feminine = rule_set("spellout.ordinal_feminine");
  d.year = rule_set("spellout.year");
  for (auto& [k, v] : r.string_map("spellout.ordinal_after")) {
    check("spellout.ordinal_after." + k, v);
    d.ordinal_after[lower_ascii(k)] = v;
  }
  for (auto& [k, v] : r.string_map("spellout.ordinal_suffixes")) {
    check("spellout.ordinal_suffixes." + k, v);
    d.ordinal_suffixes[k] = v;
  }
  d.dot_ordinals = r.at("spellout.dot_ordinals", json::value_t::boolean).get<bool>();
  // Optional: Roman numerals (absent: left as written, for eSpeak NG to read).
  if (r.has("roman_numerals")) {
    d.roman_ordinals = r.at("roman_numerals.ordinal_suffixes", json::value_t::boolean).get<bool>();
    d.regnal_cardinal = rule_set("roman_numerals.after_name");
    d.regnal_ordinal_max =
        r.at("roman_numerals.ordinal_after_name_max", json::value_t::number_integer).get<int>();
    if (d.regnal_ordinal_max < 0 || d.regnal_ordinal_max > 39)
      r.fail("roman_numerals.ordinal_after_name_max", "expected 0-39");
  }
  d.nouns_capitalized = r.at("spellout.nouns_capitalized", json::value_t::boolean).get<bool>();

  std::string dec = r.str("numbers.decimal_separator");
  if (dec != "," && dec != ".") r.fail("numbers.decimal_separator", "expected \",\" or \".\"");
  d.decimal_separator = dec[0];
  d.group_separators = r.str("numbers.group_separators");
  if (d.group_separators.find(d.decimal_separator) != std::string::npos)
    r.fail("numbers.group_separators", "must not hold the decimal separator");
  d.join_spaced_groups = r.at("numbers.join_spaced_groups", json::value_t::boolean).get<bool>();
  d.fraction_as_number = r.at("numbers.fraction_as_number", json::value_t::boolean).get<bool>();
  d.singular_below_two = r.at("numbers.singular_below_two", json::value_t::boolean).get<bool>();
  const json& years = r.at("numbers.years", json::value_t::array);
  if (years.size() != 2 || !years[0].is_number_integer() || !years[1].is_number_integer())
    r.fail("numbers.years", "expected [first, last]");
  d.year_min = years[0].get<int>();
  d.year_max = years[1].get<int>();

  d.feminine_words = lowered(r.strings("feminine_words", 0));
  d.function_words = lowered(r.strings("function_words", 0));
  d.words = r.string_map("words");
  for (const char* key : {"point", "minus", "plus", "percent", "to", "score_to"})
    if (!d.words.count(key)) r.fail(std::string("words.") + key, "missing");

  d.months = r.months(d.month_lookup);
  d.date_pattern = r.str("dates.pattern");
  d.day_ordinal = r.at("dates.day_ordinal", json::value_t::boolean).get<bool>();
  d.day_words = r.string_map("dates.day_words");

  d.time_separators = r.string_set("times.separators");
  d.time_separators_before = r.string_map("times.separators_before");
  d.hour_marks = r.string_set("times.hour_marks");
  d.time_pattern = r.str("times.pattern");
  d.time_pattern_whole = r.str("times.pattern_whole");
  d.hour_rule_set = rule_set("times.hour_rule_set");
  d.minute_rule_set = rule_set("times.minute_rule_set");
  auto hour_words = r.strings("times.hour_words", 2);
  d.hour_singular = hour_words[0];
  d.hour_plural = hour_words[1];

  for (auto& [k, v] : r.tuple_map("currencies", 5))
    d.currencies[k] = {{v[0], v[1], feminine_flag(r, "currencies." + k, v[4])}, v[2], v[3]};
  d.cents_pattern = r.str("cents_pattern");
  auto joiner = r.strings("scale_joiner", 2);
  d.scale_joiner = joiner[0];
  d.scale_joiner_vowel = joiner[1];
  d.scales = nouns(r, "scales");
  d.units = nouns(r, "units");
  d.attached_units = r.string_set("attached_units");
  d.abbreviations = r.string_map("abbreviations");
  d.symbols = r.string_map("symbols");
  return d;
}

}  // namespace briefcast::spoken
