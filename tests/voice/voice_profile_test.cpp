#include "voice/voice_profile.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "base/error.hpp"
#include "support/test_support.hpp"

using namespace briefcast;

namespace {
std::string error_of(const std::string& json) {
  try {
    parse_voice_profile(json, "voices/x.json", "x");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::voice);
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("shipped voice profiles load and name a US, a British and non-English voices",
          "[voice]") {
  auto profiles = load_voice_profiles(test::source_dir() / "voices");
  std::vector<std::string> names;
  for (auto& p : profiles) names.push_back(p.name);
  CHECK(names ==
        std::vector<std::string>{"de-news", "en-gb-news", "en-us-news", "es-news", "fr-news"});
  CHECK(profiles[2].espeak_voice == "en-us");
  CHECK(profiles[1].espeak_voice.rfind("en-gb", 0) == 0);
  CHECK(profiles[0].language.rfind("de", 0) == 0);
  CHECK(profiles[3].language == "es-ES");
  CHECK(profiles[4].language == "fr-FR");
}

TEST_CASE("a profile is parsed with defaults for missing fields", "[voice]") {
  auto p = parse_voice_profile(R"({"espeak_voice": "fr", "rate_wpm": 200,
      "lexicon": {"Nguyen": "[[w'In]]", "U.S.": "U S", "U.S.A.": "U S A"}})",
                               "f.json", "fr-test");
  CHECK(p.name == "fr-test");
  CHECK(p.espeak_voice == "fr");
  CHECK(p.rate_wpm == 200);
  CHECK(p.pitch == VoiceProfile{}.pitch);
  CHECK_FALSE(p.story_tone);
  CHECK(parse_voice_profile(R"({"espeak_voice": "en", "story_tone": true})", "f.json", "t")
            .story_tone);
  REQUIRE(p.lexicon.size() == 3);
  auto at = [&](const std::string& w) {
    return std::find_if(p.lexicon.begin(), p.lexicon.end(), [&](auto& e) { return e.first == w; });
  };
  CHECK(at("U.S.A.") < at("U.S."));  // longest first, so the longer entry wins
}

TEST_CASE("bad profiles name the file, the field and the problem", "[voice]") {
  CHECK(error_of(R"({"espeak_voice": "en", "rate": 170})") ==
        "'voices/x.json': field 'rate': unknown field (known: description, espeak_voice, "
        "variant, language, rate_wpm, pitch, range, volume, word_gap_ms, sentence_pause_ms, "
        "paragraph_pause_ms, story_pause_ms, story_tone, lexicon)");
  CHECK(error_of(R"({"espeak_voice": "en", "rate_wpm": "fast"})") ==
        "'voices/x.json': field 'rate_wpm': expected an integer, got string");
  CHECK(error_of(R"({"espeak_voice": "en", "story_tone": "yes"})") ==
        "'voices/x.json': field 'story_tone': expected true or false");
  CHECK(error_of(R"({"espeak_voice": "en", "pitch": 300})") ==
        "'voices/x.json': field 'pitch': 300 is out of range 0-100");
  CHECK(error_of(R"({"rate_wpm": 170})") ==
        "'voices/x.json': field 'espeak_voice': missing (e.g. \"en-us\")");
  CHECK(error_of(R"({"espeak_voice": "en", "lexicon": {"two words": "x"}})") ==
        "'voices/x.json': field 'lexicon.two words': entries must be single words");
  CHECK(error_of("{\"espeak_voice\": ").rfind("'voices/x.json': invalid JSON", 0) == 0);
  // A number no double holds is refused like bad syntax (nlohmann throws out_of_range for it).
  CHECK(error_of(R"({"espeak_voice": "en", "rate_wpm": 1e99999})")
            .rfind("'voices/x.json': invalid JSON: ", 0) == 0);
}

TEST_CASE("find_voice_profile resolves names and paths", "[voice]") {
  auto dir = test::source_dir() / "voices";
  CHECK(find_voice_profile("en-gb-news", dir)->name == "en-gb-news");
  CHECK(find_voice_profile((dir / "de-news.json").string(), dir)->espeak_voice == "de");
  CHECK_FALSE(find_voice_profile("fr", dir).has_value());
  CHECK_THROWS_AS(find_voice_profile("/nonexistent/x.json", dir), Error);
}

TEST_CASE("the voice of an article's language", "[voice][language]") {
  const auto dir = test::source_dir() / "voices";
  VoiceProfile fallback = *find_voice_profile("en-us-news", dir);
  CHECK(voice_for_language("fr", dir, fallback)->name == "fr-news");
  CHECK(voice_for_language("de-AT", dir, fallback)->name == "de-news");
  CHECK(voice_for_language("en-GB", dir, fallback)->name == "en-gb-news");
  CHECK(voice_for_language("en", dir, fallback)->name == "en-us-news");
  auto pt = voice_for_language("pt-BR", dir, fallback);
  REQUIRE(pt);
  CHECK(pt->espeak_voice == "pt-br");
  CHECK(pt->language == "pt-BR");
  CHECK(pt->lexicon.empty());
  CHECK(pt->rate_wpm == fallback.rate_wpm);
  CHECK_FALSE(voice_for_language("", dir, fallback));
  CHECK_FALSE(voice_for_language("tlh", dir, fallback));
}
