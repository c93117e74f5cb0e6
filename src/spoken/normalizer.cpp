#include "spoken/normalizer.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "base/data_dir.hpp"
#include "base/error.hpp"
#include "base/file_read.hpp"
#include "base/strings.hpp"
#include "spoken/data_reader.hpp"
#include "spoken/spoken_intl.hpp"
#include "spoken/spoken_rules.hpp"

namespace briefcast {

namespace spoken {

const std::string& LanguageData::word(const std::string& key) const {
  auto it = words.find(key);
  return it == words.end() ? key : it->second;
}

namespace {

using nlohmann::json;

[[noreturn]] void cannot_open(const std::filesystem::path& file) {
  throw Error(ExitCode::voice, quoted(file) + ": cannot open language data");
}

LanguageData load_language(const std::filesystem::path& file) {
  std::string text;
  try {
    text = read_file_bytes(file);
  } catch (const Error&) {
    cannot_open(file);  // a voices folder problem (exit 4), like a malformed file
  }
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception& e) {
    throw Error(ExitCode::voice, "'" + file.string() + "': not valid JSON: " + e.what());
  }
  Reader r(root, file.string());
  LanguageData d;
  d.file = file.string();
  d.ones = r.strings("numbers.ones", 20);
  d.tens = r.strings("numbers.tens", 10);
  d.hundred = r.str("numbers.hundred");
  d.scales = r.strings("numbers.scales", 1);
  d.and_word = r.str("numbers.and");
  d.region_and = r.string_map("numbers.and_by_region");
  if (r.has("numeric_dates_day_first"))
    d.day_first_regions = r.string_set("numeric_dates_day_first");
  d.minus = r.str("numbers.minus");
  d.point = r.str("numbers.point");
  d.oh = r.str("numbers.oh");
  d.ordinal_irregular = r.string_map("numbers.ordinal_irregular");
  d.ordinal_suffix = r.str("numbers.ordinal_suffix");
  d.ordinal_y_suffix = r.str("numbers.ordinal_y_suffix");
  d.ordinal_markers = r.string_map("numbers.ordinal_markers");
  if (!d.ordinal_markers.count("*")) r.fail("numbers.ordinal_markers", "needs a \"*\" entry");
  for (const auto& [k, v] : r.tuple_map("numbers.fractions", 2)) {
    int n = 0;
    for (char c : k) {
      if (c < '0' || c > '9' || n > 100000)
        r.fail("numbers.fractions." + k, "key must be a number");
      n = n * 10 + (c - '0');
    }
    d.fractions[n] = {v[0], v[1]};
  }
  d.plural_suffix = r.str("numbers.plural_suffix");
  d.words = r.string_map("words");
  for (const char* key :
       {"to",      "and",     "a",     "the",    "of",         "per",     "by",
        "dot",     "at",      "slash", "dash",   "underscore", "plus",    "percent",
        "over",    "o'clock", "hour",  "hours",  "minute",     "minutes", "second",
        "seconds", "am",      "pm",    "number", "quarter_of"})
    if (!d.words.count(key)) r.fail(std::string("words.") + key, "missing");
  d.months = r.months(d.month_lookup);
  d.abbreviations = r.string_map("abbreviations");
  d.title_abbreviations = r.string_map("title_abbreviations");
  d.place_abbreviations = r.string_map("place_abbreviations");
  d.number_abbreviations = r.string_map("number_abbreviations");
  d.directions = r.string_map("directions");
  d.regions = r.string_map("regions");
  d.phrases = r.string_map("phrases");
  for (const auto& [k, v] : r.tuple_map("currencies", 4))
    d.currencies[k] = {v[0], v[1], v[2], v[3]};
  d.cents_joiner = r.str("currency_cents_joiner");
  d.scale_suffixes = r.string_map("scale_suffixes");
  for (const auto& [k, v] : r.tuple_map("units", 2)) d.units[k] = {v[0], v[1]};
  d.spaced_unit_exclusions = r.string_set("spaced_unit_exclusions");
  d.per_units = r.string_map("per_units");
  d.symbols = r.string_map("symbols");
  d.time_zones = r.string_set("time_zones");
  d.era_words = r.string_map("era_words");
  d.roman_cardinal_context = r.string_set("roman_cardinal_context");
  d.roman_excluded = r.string_set("roman_excluded");
  d.spoken_tlds = r.string_set("spoken_tlds");
  d.acronym_onsets = r.string_set("acronym_onsets");
  d.acronym_words = r.string_set("acronym_words");
  d.acronym_spelled = r.string_set("acronym_spelled");
  d.agencies = r.string_set("agencies");
  d.vowels = r.str("vowels");
  if (r.has("model_makers")) d.model_makers = r.string_set("model_makers");
  if (r.has("model_variants")) d.model_variants = r.string_set("model_variants");
  return d;
}

bool is_lead(char c) { return c == '(' || c == '"' || c == '[' || c == '{' || c == '\''; }
bool is_trail(char c) {
  return c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == '"' ||
         c == ']' || c == '}' || c == '\'';
}

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (start == i) break;
    std::string_view w = s.substr(start, i - start);
    Token t;
    std::size_t b = 0, e = w.size();
    // A leading apostrophe before a digit is part of the word ('80s).
    while (b < e && is_lead(w[b]) &&
           !(w[b] == '\'' && b + 1 < e && std::isdigit(static_cast<unsigned char>(w[b + 1]))))
      ++b;
    // "401(k)" keeps its bracket; a closing bracket is trailing only if unmatched in the word.
    while (e > b && (is_trail(w[e - 1]) || w[e - 1] == '.')) {
      if (w[e - 1] == ')' && w.substr(b, e - b).find('(') != std::string_view::npos) break;
      --e;
    }
    t.lead = std::string(w.substr(0, b));
    t.core = std::string(w.substr(b, e - b));
    std::string_view tail = w.substr(e);
    if (!tail.empty() && tail[0] == '.') {
      t.dot = true;
      tail.remove_prefix(1);
    }
    t.trail = std::string(tail);
    tokens.push_back(std::move(t));
  }
  return tokens;
}

}  // namespace spoken

namespace {

struct LanguageEntry {
  const char* code;
  spoken::LanguageRules rules;
};

// Adding a language: its data file, one spoken_<code>.cpp and one line here.
constexpr LanguageEntry kLanguages[] = {{"en", &spoken::spoken_en}};

// The data of `file`, read again whenever the file changes (its modification time or size), so
// a long-running `serve --build-at` speaks with an edited data file from the next sentence on.
// One stat per call; shared so a caller keeps the data it got while another thread reloads.
// `region` ("US", "GB"; "" none) picks the region's number style from the same file.
std::shared_ptr<const spoken::LanguageData> language_data(const std::filesystem::path& file,
                                                          const std::string& region,
                                                          const std::string& source_region) {
  struct Entry {
    timespec modified{};
    off_t size = -1;
    std::shared_ptr<const spoken::LanguageData> data;
  };
  static std::mutex mutex;
  static std::map<std::string, Entry> cache;
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) spoken::cannot_open(file);
  std::lock_guard lock(mutex);
  Entry& e = cache[file.string() + "\n" + region + "\n" + source_region];
  if (!e.data || e.size != st.st_size || e.modified.tv_sec != st.st_mtim.tv_sec ||
      e.modified.tv_nsec != st.st_mtim.tv_nsec) {
    spoken::LanguageData d = spoken::load_language(file);
    if (auto it = d.region_and.find(region); it != d.region_and.end()) d.and_word = it->second;
    d.numeric_day_first = d.day_first_regions.count(source_region) > 0;
    e.data = std::make_shared<const spoken::LanguageData>(std::move(d));
    e.modified = st.st_mtim;
    e.size = st.st_size;
  }
  return e.data;
}

// The data of a data-driven language (spoken_intl.hpp), read again when its file changes.
std::shared_ptr<const spoken::IntlData> intl_data(const std::filesystem::path& file) {
  struct Entry {
    timespec modified{};
    off_t size = -1;
    std::shared_ptr<const spoken::IntlData> data;
  };
  static std::mutex mutex;
  static std::map<std::string, Entry> cache;
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) spoken::cannot_open(file);
  std::lock_guard lock(mutex);
  Entry& e = cache[file.string()];
  if (!e.data || e.size != st.st_size || e.modified.tv_sec != st.st_mtim.tv_sec ||
      e.modified.tv_nsec != st.st_mtim.tv_nsec) {
    e.data = std::make_shared<const spoken::IntlData>(spoken::load_intl_language(file));
    e.modified = st.st_mtim;
    e.size = st.st_size;
  }
  return e.data;
}

}  // namespace

bool has_normalization_rules(std::string_view language, const std::filesystem::path& data_dir) {
  std::string code = lower_ascii(language.substr(0, language.find_first_of("-_")));
  for (const auto& l : kLanguages)
    if (code == l.code) return true;
  if (code.empty() || code.find_first_of("/.\\") != std::string::npos) return false;
  const std::filesystem::path file =
      (data_dir.empty() ? default_voices_dir() : data_dir) / "lang" / (code + ".json");
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return false;
  // One parse per file version: this runs for every block of an article.
  static std::mutex mutex;
  static std::map<std::string, std::pair<std::pair<long, long>, bool>> seen;
  std::lock_guard lock(mutex);
  auto stamp = std::make_pair(static_cast<long>(st.st_mtim.tv_sec) ^ st.st_mtim.tv_nsec,
                              static_cast<long>(st.st_size));
  auto it = seen.find(file.string());
  if (it != seen.end() && it->second.first == stamp) return it->second.second;
  bool intl = spoken::is_intl_language_file(file);
  seen[file.string()] = {stamp, intl};
  return intl;
}

std::vector<std::string> normalizer_languages(const std::filesystem::path& data_dir) {
  std::vector<std::string> v;
  for (const auto& l : kLanguages) v.emplace_back(l.code);
  const std::filesystem::path dir = (data_dir.empty() ? default_voices_dir() : data_dir) / "lang";
  std::error_code ec;
  for (auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".json" && spoken::is_intl_language_file(e.path()))
      v.push_back(e.path().stem().string());
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::string to_spoken(std::string_view sentence, const NormalizerConfig& config) {
  // "en-US", "en_GB" -> "en".
  std::string code = lower_ascii(config.language.substr(0, config.language.find_first_of("-_")));
  const LanguageEntry* entry = nullptr;
  for (const auto& l : kLanguages)
    if (code == l.code) entry = &l;
  std::filesystem::path dir = config.data_dir.empty() ? default_voices_dir() : config.data_dir;
  std::set<std::string> keep(config.keep_words.begin(), config.keep_words.end());
  if (!entry) {
    const std::filesystem::path file = dir / "lang" / (code + ".json");
    std::error_code ec;
    if (code.empty() || code.find('/') != std::string::npos ||
        code.find('.') != std::string::npos || !std::filesystem::exists(file, ec) ||
        !spoken::is_intl_language_file(file))
      throw Error(ExitCode::voice, "language '" + config.language + "': no normalization rules");
    return spoken::spoken_intl(spoken::tokenize(sentence), *intl_data(file), keep);
  }
  auto region_of = [](const std::string& tag) {
    std::size_t sep = tag.find_first_of("-_");
    return sep == std::string::npos ? std::string() : upper_ascii(tag.substr(sep + 1, 2));
  };
  // The source's region only where the source is in the same language.
  std::string source_region;
  if (lower_ascii(config.source_language.substr(0, config.source_language.find_first_of("-_"))) ==
      code)
    source_region = region_of(config.source_language);
  const std::shared_ptr<const spoken::LanguageData> data =
      language_data(dir / "lang" / (code + ".json"), region_of(config.language), source_region);
  return entry->rules(spoken::tokenize(sentence), *data, keep);
}

}  // namespace briefcast
