// Parts of a daily episode as audio: settings, the cache key (its exact format: state.json of
// earlier runs depends on it), speech through eSpeak NG, sounds through libsndfile and soxr, and
// the cache reused on a second run.
#include "briefing/part_audio.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "audio/id3_tags.hpp"
#include "audio/mp3_frames.hpp"
#include "audio/sound_file.hpp"
#include "base/error.hpp"
#include "base/uuid.hpp"
#include "support/signal_measures.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using nlohmann::json;
namespace fs = std::filesystem;
using Kind = EpisodePart::Kind;

namespace {

AudioSettings news_voice() {
  Mp3Config mp3;
  mp3.vbr_quality = 2;
  return part_audio_settings(*find_voice_profile("en-us-news", test::source_dir() / "voices"), mp3,
                             LoudnessConfig{});
}

EpisodePart spoken(const std::string& text) {
  ScriptBlock b;
  b.sentences.push_back({text, text});
  EpisodePart p;
  p.kind = Kind::intro;
  p.title = "Introduction";
  p.blocks = {b};
  return p;
}

// One second of a 440 Hz tone at 22050 Hz, as a WAV file.
fs::path write_tone(const fs::path& path) {
  auto w = open_sound_file_writer(path, SoundFormat::wav, 22050, Tags{});
  w->write(test::sine(440, 0.3, 1.0, 22050));
  w->finish();
  return path;
}

}  // namespace

TEST_CASE("part audio: settings from the voice, always CBR", "[build]") {
  AudioSettings a = news_voice();
  CHECK(a.voice.name == "en-us-news");
  CHECK(a.voice.espeak_voice == "en-us");
  CHECK_FALSE(a.mp3.vbr_quality);
  CHECK(a.sample_rate_hz == 44100);
  CHECK(a.loudness.target_lufs == -16.0);

  json s = json::parse(fingerprint_settings(a, "1.51"));
  CHECK(s.dump() == fingerprint_settings(a, "1.51"));  // compact, keys sorted
  CHECK(s["engine"] == "1.51");
  CHECK(s["mp3"] == json::array({64, 5}));
  CHECK(s["rate"] == 44100);
  CHECK(s["loudness"] == json::array({-16.0, -1.0}));
  CHECK(s["format"] == 3);
  CHECK(s["voice"][0] == a.voice.espeak_voice);
  CHECK(s["voice"].size() == 10);
}

TEST_CASE("part audio: the cache key covers what changes the sound, in a fixed format", "[build]") {
  test::TempDir d;
  std::string settings = fingerprint_settings(news_voice(), "1.51");
  EpisodePart p = spoken("Good morning.");
  std::string key = part_fingerprint(p, settings);
  // The format itself: state.json caches of earlier runs must keep matching.
  json expected = {
      {"settings", json::parse(settings)},
      {"kind", 0},
      {"blocks",
       json::array({{{"kind", "paragraph"},
                     {"sentences", json::array({{"Good morning.", "Good morning."}})}}})}};
  CHECK(key == sha256_hex(expected.dump()));
  CHECK(key.size() == 64);
  CHECK(part_fingerprint(p, settings) == key);

  EpisodePart other = p;
  other.blocks[0].sentences[0].spoken = "Good morning!";
  CHECK(part_fingerprint(other, settings) != key);
  other = p;
  other.kind = Kind::outro;
  CHECK(part_fingerprint(other, settings) != key);
  other = p;
  other.title = "Another title";  // titles are not spoken: same audio
  CHECK(part_fingerprint(other, settings) == key);
  CHECK(part_fingerprint(p, fingerprint_settings(news_voice(), "1.52")) != key);
  // The chime between stories changes the sound; voices without it keep their keys (above).
  AudioSettings toned = news_voice();
  toned.voice.story_tone = true;
  CHECK(part_fingerprint(p, fingerprint_settings(toned, "1.51")) != key);

  EpisodePart sound{Kind::between, "", "", {}, d / "a.wav", {}};
  test::write_file(d / "a.wav", "one");
  std::string one = part_fingerprint(sound, settings);
  test::write_file(d / "a.wav", "two");
  CHECK(part_fingerprint(sound, settings) != one);
  sound.sound = d / "missing.wav";
  CHECK_THROWS_WITH(
      part_fingerprint(sound, settings),
      "'" + (d / "missing.wav").string() + "': cannot read: No such file or directory");

  auto planned = plan_part_audio({p, spoken("Bye.")}, settings, d / "cache");
  REQUIRE(planned.size() == 2);
  CHECK(planned[0].fingerprint == key);
  CHECK(planned[0].file == d / "cache" / (key + ".mp3"));
  CHECK(planned[1].fingerprint != key);
}

TEST_CASE("part audio: speech and sounds become CBR MP3 parts", "[build]") {
  test::TempDir d;
  AudioSettings a = news_voice();
  std::ostringstream log;
  PartAudio speech = speak_part(spoken("Hello world."), a, d / "speech.mp3", log);
  CHECK(speech.file == d / "speech.mp3");
  REQUIRE(speech.timeline.size() == 1);
  CHECK(speech.timeline[0].text == "Hello world.");
  CHECK(speech.timeline[0].words.size() == 2);
  CHECK(speech.duration_seconds > 0.5);
  CHECK(speech.duration_seconds < 3.0);
  Mp3StreamInfo info = scan_mp3(d / "speech.mp3");
  // Its own small tag names the part; assembly keeps only the frames, under the episode's tag.
  CHECK(read_id3v2(d / "speech.mp3").tags.title == "Introduction");
  CHECK(info.audio_frames > 0);
  CHECK(describe(info.first) == "64 kbps, 44100 Hz, mono, MPEG-1");

  PartAudio tone =
      encode_sound({Kind::between, "", "", {}, write_tone(d / "tone.wav"), {}}, a, d / "tone.mp3");
  CHECK(tone.timeline.empty());
  CHECK(tone.duration_seconds == Approx(1.0).margin(0.001));
  CHECK(read_sound_file(d / "tone.mp3").sample_rate_hz == 44100);
  CHECK(test::files_in(d.path()).size() == 3);  // no temporaries left
}

TEST_CASE("part audio: a second run takes every part from the cache", "[build]") {
  test::TempDir d;
  AudioSettings a = news_voice();
  std::string settings = fingerprint_settings(a, "test");
  std::vector<EpisodePart> parts = {spoken("First part."),
                                    {Kind::between, "", "", {}, write_tone(d / "tone.wav"), {}}};
  std::map<std::string, CachedPart> cache;
  std::ostringstream log;
  const fs::path cache_dir = d / ".briefcast" / "cache";
  fs::create_directories(cache_dir);

  ProducedParts first = produce_parts(parts, plan_part_audio(parts, settings, cache_dir), a, cache,
                                      "2026-11-02", d.path(), false, log);
  CHECK(first.synthesized == 2);
  CHECK(first.cached == 0);
  REQUIRE(cache.size() == 2);
  const CachedPart& c = cache.at(first.parts[0].fingerprint);
  CHECK(c.file == ".briefcast/cache/" + first.parts[0].fingerprint + ".mp3");
  CHECK(c.last_used == "2026-11-02");
  CHECK(c.duration_seconds == first.parts[0].duration_seconds);
  CHECK(c.timeline == first.parts[0].timeline);

  ProducedParts second = produce_parts(parts, plan_part_audio(parts, settings, cache_dir), a, cache,
                                       "2026-11-03", d.path(), false, log);
  CHECK(second.synthesized == 0);
  CHECK(second.cached == 2);
  CHECK(second.parts[0].timeline == first.parts[0].timeline);
  CHECK(second.parts[1].duration_seconds == first.parts[1].duration_seconds);
  CHECK(cache.at(first.parts[1].fingerprint).last_used == "2026-11-03");

  fs::remove(first.parts[0].file);  // a lost file is spoken again
  ProducedParts third = produce_parts(parts, plan_part_audio(parts, settings, cache_dir), a, cache,
                                      "2026-11-04", d.path(), false, log);
  CHECK(third.synthesized == 1);
  CHECK(third.cached == 1);
  CHECK(fs::exists(first.parts[0].file));
  CHECK(log.str().empty());
}

TEST_CASE("part audio: a story ends with a pause clearly longer than a paragraph's", "[build]") {
  // Measured on the decoded part: the quiet after the last sentence (the story pause) against
  // the longest quiet inside the story (a paragraph pause), in 10 ms windows below −50 dBFS.
  test::TempDir d;
  AudioSettings a = news_voice();
  EpisodePart part = spoken("The council voted on Tuesday.");
  ScriptBlock second;
  second.sentences.push_back({"The budget passed.", "The budget passed."});
  part.blocks.push_back(second);
  std::ostringstream log;
  PartAudio p = speak_part(part, a, d / "story.mp3", log);
  REQUIRE(p.timeline.size() == 2);
  const double paragraph_gap = p.timeline[1].start_seconds - p.timeline[0].end_seconds;
  const double story_gap = p.duration_seconds - p.timeline[1].end_seconds;
  CHECK(paragraph_gap == Approx(a.voice.paragraph_pause_ms / 1000.0).margin(0.01));
  CHECK(story_gap == Approx(a.voice.story_pause_ms / 1000.0).margin(0.05));

  const DecodedAudio s = read_sound_file(d / "story.mp3");
  const std::size_t window = s.sample_rate_hz / 100;
  std::size_t run = 0, longest_inside = 0;
  bool spoke = false;
  for (std::size_t at = 0; at + window <= s.samples.size(); at += window) {
    float peak = 0;
    for (std::size_t i = at; i < at + window; ++i) peak = std::max(peak, std::fabs(s.samples[i]));
    if (peak < 0.00316f) {  // −50 dBFS
      ++run;
    } else {
      if (spoke) longest_inside = std::max(longest_inside, run);
      spoke = true;
      run = 0;
    }
  }
  const double inside_s = double(longest_inside) / 100.0, end_s = double(run) / 100.0;
  INFO("longest pause inside " << inside_s << " s, after the story " << end_s << " s");
  CHECK(inside_s >= a.voice.paragraph_pause_ms / 1000.0 - 0.05);
  CHECK(end_s >= a.voice.story_pause_ms / 1000.0 - 0.1);
  CHECK(end_s >= inside_s + 0.5);
}

TEST_CASE("part audio: a voice's story tone chimes in the story pause, the timeline unchanged",
          "[build]") {
  test::TempDir d;
  AudioSettings a = news_voice();
  a.voice.story_tone = true;
  std::ostringstream log;
  PartAudio p = speak_part(spoken("The council voted on Tuesday."), a, d / "story.mp3", log);
  REQUIRE(p.timeline.size() == 1);
  // The pause keeps its length and the timeline its end: the next chapter starts with speech.
  const double story_gap = p.duration_seconds - p.timeline[0].end_seconds;
  CHECK(story_gap == Approx(a.voice.story_pause_ms / 1000.0).margin(0.05));

  // Decoded: quiet after the speech, the chime, quiet again; its pitch is the chime's (660 Hz
  // and 990 Hz partials: between 1250 and 2000 sign changes a second).
  const DecodedAudio s = read_sound_file(d / "story.mp3");
  const auto at = [&](double seconds) {
    return std::min(s.samples.size(), static_cast<std::size_t>(seconds * s.sample_rate_hz));
  };
  const double end = p.timeline[0].end_seconds;
  std::size_t loudest = at(end);
  for (std::size_t i = at(end); i < s.samples.size(); ++i)
    if (std::fabs(s.samples[i]) > std::fabs(s.samples[loudest])) loudest = i;
  const double chime_at = double(loudest) / s.sample_rate_hz - end;
  INFO("chime peak " << chime_at << " s into the story pause, " << s.samples[loudest]);
  CHECK(std::fabs(s.samples[loudest]) > 0.1f);
  CHECK(chime_at > 0.5);
  CHECK(chime_at < a.voice.story_pause_ms / 1000.0 - 0.5);
  CHECK(test::rms(s.samples, at(end + 0.1), at(end + 0.6)) < 0.003);
  CHECK(test::rms(s.samples, at(end + chime_at + 0.5), at(end + story_gap - 0.05)) < 0.003);
  const double crossings =
      test::crossings_per_second(s.samples, loudest, loudest + at(0.1), s.sample_rate_hz);
  CHECK(crossings > 1250.0);
  CHECK(crossings < 2000.0);
}

TEST_CASE("part audio: parts spoken while the one before is encoded keep their own audio",
          "[build]") {
  // produce_parts starts the next part's speech before the previous part's encoding has ended
  // (eSpeak NG output differs slightly from call to call, so the files are not compared with
  // parts spoken alone): each part must hold its own sentence, timed on its own audio.
  test::TempDir d;
  AudioSettings a = news_voice();
  a.jobs = 2;
  const std::vector<std::string> texts = {
      "The first story is about the weather.",
      "The second story is about the harbour, its new ferry and the timetable for the winter.",
      "The third story is short."};
  std::vector<EpisodePart> parts;
  for (const auto& text : texts) {
    EpisodePart p = spoken(text);
    p.kind = Kind::story;
    parts.push_back(p);
  }
  std::map<std::string, CachedPart> cache;
  std::ostringstream log;
  const fs::path cache_dir = d / "cache";
  fs::create_directories(cache_dir);
  ProducedParts made = produce_parts(parts, plan_part_audio(parts, "{}", cache_dir), a, cache,
                                     "2026-11-02", d.path(), false, log);
  REQUIRE(made.synthesized == 3);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const PartAudio& p = made.parts[i];
    REQUIRE(p.timeline.size() == 1);
    CHECK(p.timeline[0].text == texts[i]);
    const DecodedAudio audio = read_sound_file(p.file);
    const double seconds = double(audio.frames()) / audio.sample_rate_hz;
    CHECK(seconds == Approx(p.duration_seconds).margin(0.03));
    // Speech, then the story pause: the timeline ends where this part's speech ends.
    CHECK(p.duration_seconds - p.timeline[0].end_seconds ==
          Approx(a.voice.story_pause_ms / 1000.0).margin(0.05));
    std::size_t loud = 0;
    const auto end = static_cast<std::size_t>(p.timeline[0].end_seconds * audio.sample_rate_hz);
    for (std::size_t k = 0; k < std::min(end, audio.samples.size()); ++k)
      if (std::fabs(audio.samples[k]) > 0.05f) ++loud;
    CHECK(loud > end / 10);
  }
  CHECK(made.parts[1].duration_seconds > made.parts[0].duration_seconds + 1.0);
  CHECK(made.parts[1].duration_seconds > made.parts[2].duration_seconds + 1.0);
}
