#include "voice/voice_profile.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>

#include "base/error.hpp"
#include "base/file_read.hpp"

namespace briefcast {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

[[noreturn]] void fail(const std::string& origin, const std::string& field,
                       const std::string& problem) {
  throw Error(ExitCode::voice, "'" + origin + "': field '" + field + "': " + problem);
}

void read_int(const json& j, const char* key, int lo, int hi, int& out, const std::string& origin) {
  auto it = j.find(key);
  if (it == j.end()) return;
  if (!it->is_number_integer())
    fail(origin, key, "expected an integer, got " + std::string(it->type_name()));
  auto v = it->get<long long>();
  if (v < lo || v > hi)
    fail(origin, key,
         std::to_string(v) + " is out of range " + std::to_string(lo) + "-" + std::to_string(hi));
  out = static_cast<int>(v);
}

void read_string(const json& j, const char* key, std::string& out, const std::string& origin) {
  auto it = j.find(key);
  if (it == j.end()) return;
  if (!it->is_string()) fail(origin, key, "expected a string, got " + std::string(it->type_name()));
  out = it->get<std::string>();
}

}  // namespace

VoiceProfile parse_voice_profile(const std::string& text, const std::string& origin,
                                 const std::string& name) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    throw Error(ExitCode::voice, "'" + origin + "': invalid JSON at byte " +
                                     std::to_string(e.byte) + ": " + e.what());
  } catch (const json::exception& e) {  // a number beyond a double's range (out_of_range.406)
    throw Error(ExitCode::voice, "'" + origin + "': invalid JSON: " + e.what());
  }
  if (!j.is_object()) throw Error(ExitCode::voice, "'" + origin + "': expected a JSON object");
  static const std::vector<std::string> known = {"description",
                                                 "espeak_voice",
                                                 "variant",
                                                 "language",
                                                 "rate_wpm",
                                                 "pitch",
                                                 "range",
                                                 "volume",
                                                 "word_gap_ms",
                                                 "sentence_pause_ms",
                                                 "paragraph_pause_ms",
                                                 "story_pause_ms",
                                                 "story_tone",
                                                 "lexicon"};
  for (auto& [key, value] : j.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end())
      fail(origin, key,
           "unknown field (known: description, espeak_voice, variant, language, "
           "rate_wpm, pitch, range, volume, word_gap_ms, sentence_pause_ms, "
           "paragraph_pause_ms, story_pause_ms, story_tone, lexicon)");
  }
  VoiceProfile p;
  p.name = name;
  if (!j.contains("espeak_voice")) fail(origin, "espeak_voice", "missing (e.g. \"en-us\")");
  read_string(j, "description", p.description, origin);
  read_string(j, "espeak_voice", p.espeak_voice, origin);
  if (p.espeak_voice.empty()) fail(origin, "espeak_voice", "must not be empty");
  read_string(j, "variant", p.variant, origin);
  read_string(j, "language", p.language, origin);
  read_int(j, "rate_wpm", 80, 450, p.rate_wpm, origin);
  read_int(j, "pitch", 0, 100, p.pitch, origin);
  read_int(j, "range", 0, 100, p.range, origin);
  read_int(j, "volume", 0, 200, p.volume, origin);
  read_int(j, "word_gap_ms", 0, 1000, p.word_gap_ms, origin);
  read_int(j, "sentence_pause_ms", 0, 5000, p.sentence_pause_ms, origin);
  read_int(j, "paragraph_pause_ms", 0, 10000, p.paragraph_pause_ms, origin);
  read_int(j, "story_pause_ms", 0, 10000, p.story_pause_ms, origin);
  if (auto it = j.find("story_tone"); it != j.end()) {
    if (!it->is_boolean()) fail(origin, "story_tone", "expected true or false");
    p.story_tone = it->get<bool>();
  }
  if (auto it = j.find("lexicon"); it != j.end()) {
    if (!it->is_object())
      fail(origin, "lexicon", "expected an object of \"word\": \"respelling\" pairs");
    for (auto& [word, say] : it->items()) {
      if (!say.is_string()) fail(origin, "lexicon." + word, "expected a string");
      if (word.empty() || std::any_of(word.begin(), word.end(), [](char c) { return c == ' '; }))
        fail(origin, "lexicon." + word, "entries must be single words");
      p.lexicon.emplace_back(word, say.get<std::string>());
    }
    // Longest first, so "U.S.A." wins over "U.S." when both are listed.
    std::stable_sort(p.lexicon.begin(), p.lexicon.end(),
                     [](auto& a, auto& b) { return a.first.size() > b.first.size(); });
  }
  return p;
}

VoiceProfile load_voice_profile(const fs::path& file) {
  return parse_voice_profile(read_file_bytes(file, ExitCode::voice), file.string(),
                             file.stem().string());
}

std::vector<VoiceProfile> load_voice_profiles(const fs::path& dir) {
  std::vector<VoiceProfile> v;
  std::error_code ec;
  for (auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") v.push_back(load_voice_profile(e.path()));
  std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.name < b.name; });
  return v;
}

std::optional<VoiceProfile> find_voice_profile(const std::string& voice, const fs::path& dir) {
  std::error_code ec;
  if (voice.ends_with(".json")) {
    if (!fs::exists(voice, ec))
      throw Error(ExitCode::voice, "'" + voice + "': no such voice profile");
    return load_voice_profile(voice);
  }
  fs::path file = dir / (voice + ".json");
  if (fs::exists(file, ec)) return load_voice_profile(file);
  return std::nullopt;
}

namespace {

std::string lower_tag(const std::string& tag) {
  std::string s;
  for (char c : tag)
    s += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string primary_of(const std::string& tag) {
  std::string t = lower_tag(tag);
  return t.substr(0, t.find('-'));
}

// eSpeak NG 1.51 voices by language tag: a regional voice where the region changes the
// pronunciation, else the language's own voice.
std::string espeak_voice_for(const std::string& tag) {
  static const std::set<std::string> regional = {"pt-br", "es-419", "en-us", "en-gb",
                                                 "fr-be", "fr-ch",  "en-029"};
  static const std::set<std::string> languages = {
      "af", "ar", "bg", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et",
      "eu", "fa", "fi", "fr", "ga", "hi", "hr", "hu", "hy", "id", "is", "it", "ka", "kn",
      "lt", "lv", "mk", "ml", "ms", "nb", "ne", "nl", "pa", "pl", "pt", "ro", "ru", "sk",
      "sl", "sq", "sr", "sv", "sw", "ta", "te", "tr", "uk", "ur", "vi"};
  std::string t = lower_tag(tag);
  if (regional.count(t)) return t;
  std::string p = primary_of(t);
  if (p == "no") return "nb";
  return languages.count(p) ? p : "";
}

}  // namespace

std::optional<VoiceProfile> voice_for_language(const std::string& language, const fs::path& dir,
                                               const VoiceProfile& fallback) {
  const std::string tag = lower_tag(language), primary = primary_of(language);
  if (primary.empty()) return std::nullopt;
  const std::vector<VoiceProfile> profiles = load_voice_profiles(dir);
  for (auto& p : profiles)
    if (lower_tag(p.language) == tag) return p;
  if (primary_of(fallback.language) == primary) return fallback;
  for (auto& p : profiles)
    if (primary_of(p.language) == primary) return p;
  const std::string voice = espeak_voice_for(language);
  if (voice.empty()) return std::nullopt;
  VoiceProfile v = fallback;
  v.name = voice;
  v.description.clear();
  v.espeak_voice = voice;
  v.variant.clear();
  v.language = language;
  v.lexicon.clear();
  return v;
}

}  // namespace briefcast
