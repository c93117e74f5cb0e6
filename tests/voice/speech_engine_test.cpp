#include "voice/speech_engine.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "base/error.hpp"

using namespace briefcast;

TEST_CASE("eSpeak NG speaks through the library with word and sentence events", "[synthesis]") {
  SpeechEngine engine;
  CHECK(engine.sample_rate_hz() == 22050);
  engine.configure({});
  std::string text = "Café prices rose sharply. Then they fell.";
  Speech s = engine.speak(text);
  double seconds = double(s.samples.size()) / engine.sample_rate_hz();
  CHECK(seconds > 1.5);
  CHECK(seconds < 6.0);
  // Not silence.
  double sum = 0;
  for (auto v : s.samples) sum += double(v) * v;
  CHECK(std::sqrt(sum / double(s.samples.size())) > 300);
  // Seven words, located by byte offset in the UTF-8 text ("Café" has a two-byte é).
  REQUIRE(s.words.size() == 7);
  CHECK(text.substr(s.words[0].text_offset, s.words[0].text_length) == "Café");
  CHECK(text.substr(s.words[1].text_offset, s.words[1].text_length) == "prices");
  CHECK(text.substr(s.words[6].text_offset, s.words[6].text_length) == "fell");
  for (std::size_t i = 1; i < s.words.size(); ++i) CHECK(s.words[i].sample > s.words[i - 1].sample);
  CHECK(s.words.back().sample < s.samples.size());
  CHECK(s.sentences.size() >= 2);
}

TEST_CASE("speech handed over as it is made is the same speech, none of it kept", "[synthesis]") {
  SpeechEngine engine;
  engine.configure({});
  const std::string text = "Streaming keeps memory flat. Long sentences arrive in pieces.";
  const Speech whole = engine.speak(text);
  std::vector<std::int16_t> streamed;
  std::size_t calls = 0;
  const Speech s = engine.speak(text, [&](std::span<const std::int16_t> part) {
    streamed.insert(streamed.end(), part.begin(), part.end());
    ++calls;
  });
  CHECK(s.samples.empty());
  CHECK(calls > 2);  // about 200 ms at a time
  // eSpeak NG carries a little state from one text to the next (two runs of the same text differ
  // by a few milliseconds), so the two are compared within 30 ms.
  const double tolerance = 0.030 * engine.sample_rate_hz();
  CHECK(double(streamed.size()) == Approx(double(whole.samples.size())).margin(tolerance));
  REQUIRE(s.words.size() == whole.words.size());
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    CHECK(s.words[i].text_offset == whole.words[i].text_offset);
    CHECK(double(s.words[i].sample) == Approx(double(whole.words[i].sample)).margin(tolerance));
  }
  CHECK(s.words.back().sample < streamed.size());
}

TEST_CASE("the rate parameter changes the length of the speech", "[synthesis]") {
  SpeechEngine engine;
  SynthesisConfig slow, fast;
  slow.rate_wpm = 120;
  fast.rate_wpm = 300;
  engine.configure(slow);
  auto a = engine.speak("The quick brown fox jumps over the lazy dog near the river bank.");
  engine.configure(fast);
  auto b = engine.speak("The quick brown fox jumps over the lazy dog near the river bank.");
  CHECK(double(a.samples.size()) > 1.8 * double(b.samples.size()));
}

TEST_CASE("phoneme input is spoken", "[synthesis]") {
  SpeechEngine engine;
  engine.configure({});
  CHECK(engine.speak("[[h@l'oU]]").samples.size() > 2000);
}

TEST_CASE("unknown voices and a second engine are errors", "[synthesis]") {
  SpeechEngine engine;
  SynthesisConfig c;
  c.voice = "no-such-voice";
  try {
    engine.configure(c);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::voice);
    CHECK(std::string(e.what()) == "voice 'no-such-voice': eSpeak NG has no such voice");
  }
  CHECK_THROWS_AS(SpeechEngine(), Error);
}

TEST_CASE("a set cancel flag interrupts synthesis", "[synthesis]") {
  std::atomic<bool> cancel{true};
  SpeechEngine engine(&cancel);
  engine.configure({});
  try {
    engine.speak("This sentence is never finished because the flag is already set.");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::interrupted);
  }
}

TEST_CASE("installed voices include English and German", "[synthesis]") {
  SpeechEngine engine;
  auto voices = engine.installed_voices();
  auto has = [&](const std::string& lang) {
    return std::any_of(voices.begin(), voices.end(), [&](auto& v) { return v.language == lang; });
  };
  CHECK(has("en-us"));
  CHECK(has("de"));
  CHECK(engine.version().rfind("eSpeak NG 1.", 0) == 0);
}

TEST_CASE("configure switches the voice and back, keeping one engine", "[synthesis]") {
  SpeechEngine engine;
  SynthesisConfig en;
  engine.configure(en);
  const std::string english = engine.phonemes("deux cent");
  SynthesisConfig fr = en;
  fr.voice = "fr";
  engine.configure(fr);
  const std::string french = engine.phonemes("deux cent");
  CHECK(french != english);
  CHECK(french == "d'Y s'A~");
  fr.rate_wpm = 200;  // the same voice again: only the parameters change
  engine.configure(fr);
  CHECK(engine.phonemes("deux cent") == french);
  engine.configure(en);
  CHECK(engine.phonemes("deux cent") == english);
  // A failed switch names the voice; the next good one works.
  SynthesisConfig bad = en;
  bad.voice = "no-such-voice";
  CHECK_THROWS_AS(engine.configure(bad), Error);
  engine.configure(fr);
  CHECK(engine.phonemes("deux cent") == french);
}
