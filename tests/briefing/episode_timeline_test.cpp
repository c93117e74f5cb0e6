// Chapters, transcript cues and story starts placed on the episode's timeline from literal part
// timelines and assembly starts.
#include "briefing/episode_timeline.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;
using Word = TimedSentence::Word;
using Kind = EpisodePart::Kind;

namespace {

AssembledPart at(std::uint32_t start_ms, std::uint32_t end_ms) {
  AssembledPart p;
  p.start_ms = start_ms;
  p.end_ms = end_ms;
  return p;
}

PartAudio audio(std::vector<TimedSentence> timeline = {}) {
  PartAudio a;
  a.timeline = std::move(timeline);
  return a;
}

TimedSentence sentence(const std::string& text, const std::string& spoken, double start, double end,
                       std::vector<Word> words = {}) {
  TimedSentence t;
  t.text = text;
  t.spoken = spoken;
  t.start_seconds = start;
  t.end_seconds = end;
  t.words = std::move(words);
  return t;
}

}  // namespace

TEST_CASE("episode timeline: chapters, cues and stories on the episode's clock", "[build]") {
  std::vector<EpisodePart> parts = {
      {Kind::between, "", "", {}, "/s/in.wav", {}},
      {Kind::intro, "Introduction", "", {}, {}, {}},
      {Kind::story, "Ferry returns", "https://n.example/ferry", {}, {}, {}},
      {Kind::between, "", "", {}, "/s/between.wav", {}},
      {Kind::story, "Rain expected", "", {}, {}, {}},
      {Kind::outro, "Closing", "", {}, {}, {}},
  };
  std::vector<PartAudio> sound = {
      audio(),
      audio({sentence("Hello.", "Hello.", 0.1, 0.9, {{0, 5, 0.1}})}),
      audio({sentence("It costs $5.", "It costs five dollars.", 0.0, 1.5, {{0, 2, 0.0}}),
             sentence("Ferry back.", "Ferry back.", 1.5, 2.5, {{0, 5, 1.5}, {6, 5, 1.9}})}),
      audio(),
      audio({sentence("Rain.", "Rain.", 0.2, 0.8)}),
      audio({sentence("Bye.", "Bye.", 0.0, 0.5)}),
  };
  Mp3Assembly plan;
  plan.parts = {at(0, 1000),    at(1000, 2500), at(2500, 6000),
                at(6000, 6500), at(6500, 8000), at(8000, 9000)};
  std::vector<Story> stories(2);
  stories[0].title = "Ferry returns";
  stories[0].url = "https://n.example/ferry";
  stories[0].source = "Wire";
  stories[0].key = "https://n.example/ferry";
  stories[1].title = "Rain expected";
  stories[1].source = "Local";
  stories[1].key = "sha256:ab";

  EpisodeTimeline t = place_episode(parts, sound, plan, stories);

  REQUIRE(t.id3_chapters.size() == 4);  // sounds are not chapters
  CHECK(t.id3_chapters[0].title == "Introduction");
  CHECK((t.id3_chapters[0].start_ms == 1000 && t.id3_chapters[0].end_ms == 2500));
  CHECK(t.id3_chapters[1].url == "https://n.example/ferry");
  CHECK((t.id3_chapters[2].start_ms == 6500 && t.id3_chapters[2].end_ms == 8000));
  CHECK(t.id3_chapters[3].title == "Closing");
  REQUIRE(t.chapters.size() == 4);
  CHECK(t.chapters[1].start_s == 2.5);
  CHECK(t.chapters[1].end_s == 6.0);
  CHECK(t.chapters[1].title == "Ferry returns");
  CHECK(t.chapters[1].url == "https://n.example/ferry");

  REQUIRE(t.cues.size() == 5);
  CHECK(t.cues[0].text == "Hello.");
  CHECK(t.cues[0].start_s == Approx(1.1));
  CHECK(t.cues[0].end_s == Approx(1.9));
  REQUIRE(t.cues[0].words.size() == 1);
  CHECK(t.cues[0].words[0].start_s == Approx(1.1));
  CHECK(t.cues[1].text == "It costs $5.");
  CHECK(t.cues[1].words.empty());  // spoken differently: word times point elsewhere
  REQUIRE(t.cues[2].words.size() == 2);
  CHECK(t.cues[2].words[1].offset == 6);
  CHECK(t.cues[2].words[1].length == 5);
  CHECK(t.cues[2].words[1].start_s == Approx(4.4));
  CHECK(t.cues[3].start_s == Approx(6.7));
  CHECK(t.cues[4].start_s == Approx(8.0));

  REQUIRE(t.notes.size() == 2);
  CHECK(t.notes[0].title == "Ferry returns");
  CHECK(t.notes[0].source == "Wire");
  CHECK(t.notes[0].start_s == 2.5);
  CHECK(t.notes[1].start_s == 6.5);
  REQUIRE(t.stories.size() == 2);
  CHECK(t.stories[1].key == "sha256:ab");
  CHECK(t.stories[1].start_seconds == 6.5);
  CHECK(t.stories[0].url == "https://n.example/ferry");
}

TEST_CASE("episode timeline: mismatched inputs throw instead of reading past the end", "[build]") {
  std::vector<EpisodePart> parts = {{Kind::story, "A", "", {}, {}, {}}};
  Mp3Assembly plan;
  plan.parts = {at(0, 1000)};
  CHECK_THROWS_AS(place_episode(parts, {audio()}, plan, {}), std::out_of_range);
  CHECK_THROWS_AS(place_episode(parts, {}, plan, {Story{}}), std::out_of_range);
}
