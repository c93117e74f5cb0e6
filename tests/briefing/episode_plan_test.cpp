// What a day's episode says before anything is spoken: story keys, estimates, the broadcast
// check, the limits with the stories left out, and the parts in order with rendered intro and
// outro texts.
#include "briefing/episode_plan.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "base/strings.hpp"

using namespace briefcast;
using Kind = EpisodePart::Kind;

namespace {

ScriptBlock block(std::vector<std::string> spoken) {
  ScriptBlock b;
  for (auto& s : spoken) b.sentences.push_back({s, s});
  return b;
}

Story story(const std::string& title, double seconds) {
  Story s;
  s.title = title;
  s.estimate_seconds = seconds;
  s.blocks = {block({title + "."})};
  return s;
}

std::vector<std::string> titles(const std::vector<Story>& stories) {
  std::vector<std::string> out;
  for (auto& s : stories) out.push_back(s.title);
  return out;
}

SourceStory collected(const std::string& title, const std::string& url, const std::string& body) {
  SourceStory s;
  s.title = title;
  s.url = url;
  s.source_name = "Wire";
  s.body_kind = "text";
  s.body = body;
  return s;
}

}  // namespace

TEST_CASE("episode plan: story keys, estimates and the broadcast check", "[build]") {
  CHECK(story_key("HTTPS://www.Example.com/news/story/?utm_source=rss&id=7", "ignored") ==
        "https://example.com/news/story?id=7");
  CHECK(story_key("", "abc") ==
        "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

  // 6 words at 120 wpm: 3 s, plus one paragraph pause of 0.8 s.
  CHECK(estimate_speech_seconds({block({"One two three.", "four five six"})}, 120, 800) ==
        Approx(3.8));
  CHECK(estimate_speech_seconds({block({"a b"}), block({"c"})}, 60, 500) == Approx(4.0));
  CHECK(estimate_speech_seconds({}, 165, 800) == 0);

  std::map<std::string, std::string> broadcast = {{"k1", "2026-11-01"}};
  CHECK(already_broadcast("k1", broadcast, {}));
  CHECK_FALSE(already_broadcast("k2", broadcast, {}));
  CHECK_FALSE(already_broadcast("k1", broadcast, {"k1"}));  // the episode being rebuilt
}

TEST_CASE("episode plan: max_stories first, then max_minutes by estimate", "[build]") {
  std::vector<Story> four = {story("A", 300), story("B", 900), story("C", 200), story("D", 400)};
  StorySelection s = limit_stories(four, 10, 15, 150, 0);
  CHECK(titles(s.stories) == std::vector<std::string>{"A", "C", "D"});  // 900 s exactly fits
  CHECK(s.left_out == std::vector<std::string>{"B"});

  s = limit_stories(four, 10, 20, 150, 0);
  CHECK(titles(s.stories) == std::vector<std::string>{"A", "B"});
  CHECK(s.left_out == std::vector<std::string>{"C", "D"});

  s = limit_stories(four, 2, 0, 150, 0);
  CHECK(titles(s.stories) == std::vector<std::string>{"A", "B"});
  CHECK(s.left_out.empty());

  // max_minutes is a hard limit: a first story longer than it that cannot be cut (no sentence
  // after its title fits) is left out too.
  s = limit_stories({story("Long", 5000), story("Short", 10)}, 10, 1, 150, 0);
  CHECK(titles(s.stories) == std::vector<std::string>{"Short"});
  CHECK(s.left_out == std::vector<std::string>{"Long"});
}

TEST_CASE("episode plan: a story that does not fit is cut at a sentence's end", "[build]") {
  // 60 words a minute, 1 s between paragraphs: a sentence of n words is n seconds.
  auto words = [](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += i ? " w" : "W";
    return s + ".";
  };
  auto made = [&](const std::string& title, std::vector<std::vector<int>> paragraphs) {
    Story s;
    s.title = title;
    s.blocks = {block({title + "."})};
    for (auto& p : paragraphs) {
      std::vector<std::string> sentences;
      for (int n : p) sentences.push_back(words(n));
      s.blocks.push_back(block(sentences));
    }
    s.estimate_seconds = estimate_speech_seconds(s.blocks, 60, 1000);
    return s;
  };
  // "Short" 2 + 1 + 10 = 13 s; "Long" 2 + (1 + 20) + (1 + 30) + (1 + 20) = 75 s; a minute
  // holds "Short" and "Long" cut to its title and first paragraph (13 + 23 s; with the second
  // paragraph it would be 67 s).
  Story shortest = made("Short", {{10}});
  Story longest = made("Long", {{10, 10}, {30}, {20}});
  REQUIRE(shortest.estimate_seconds == Approx(13));
  REQUIRE(longest.estimate_seconds == Approx(75));
  StorySelection s = limit_stories({shortest, longest}, 10, 1, 60, 1000);
  REQUIRE(titles(s.stories) == std::vector<std::string>{"Short", "Long"});
  CHECK(s.left_out.empty());
  REQUIRE(s.cut.size() == 1);
  CHECK(s.cut[0].title == "Long");
  CHECK(s.cut[0].kept_sentences == 2);
  CHECK(s.cut[0].sentences == 4);
  const Story& cut = s.stories[1];
  REQUIRE(cut.blocks.size() == 2);  // the spoken title and the first paragraph, whole
  CHECK(cut.blocks[1].sentences.size() == 2);
  CHECK(cut.estimate_seconds == Approx(23));
  double total = 0;
  for (auto& st : s.stories) total += st.estimate_seconds;
  CHECK(total <= 60);

  // When not even the first paragraph fits, its first sentences: a one-minute episode of a
  // story whose first paragraph is 30 sentences of 5 words keeps 2 + 1 + 11 × 5 = 58 s.
  Story wall = made("Wall", {std::vector<int>(30, 5), {5}});
  s = limit_stories({wall}, 10, 1, 60, 1000);
  REQUIRE(s.stories.size() == 1);
  CHECK(s.stories[0].blocks.size() == 2);
  CHECK(s.stories[0].blocks[1].sentences.size() == 11);
  CHECK(s.stories[0].estimate_seconds == Approx(58));
  CHECK(s.stories[0].estimate_seconds <= 60);
  REQUIRE(s.cut.size() == 1);
  CHECK(s.cut[0].kept_sentences == 11);
  CHECK(s.cut[0].sentences == 31);

  // A story whose first sentence after the title does not fit is left out; a later shorter
  // one still comes in.
  Story number = made("Number", {{70}});
  s = limit_stories({number, shortest}, 10, 1, 60, 1000);
  CHECK(titles(s.stories) == std::vector<std::string>{"Short"});
  CHECK(s.left_out == std::vector<std::string>{"Number"});
  CHECK(s.cut.empty());
}

TEST_CASE("episode plan: a token the voice spells out is not one cheap word", "[build]") {
  // A 6,000-digit number was one word: 0.4 s at 150 wpm for minutes of speech.
  const std::string digits(6000, '7');
  CHECK(estimate_speech_seconds({block({digits})}, 150, 0) >= 60.0 * 1000 / 150);
  CHECK(estimate_speech_seconds({block({"a fine day"})}, 60, 0) == Approx(3.0));
}

TEST_CASE("episode plan: titles are capped with an ellipsis", "[build]") {
  CHECK(cap_title("Short title") == "Short title");
  std::string words;
  while (words.size() < 9000) words += "\u00e9t\u00e9 word ";  // a 9 KB title
  const std::string capped = cap_title(words);
  CHECK(count_code_points(capped) <= kMaxTitleChars + 1);
  CHECK(capped.ends_with("word\u2026"));
  const std::string one_word(9000, 'x');
  CHECK(cap_title(one_word) == std::string(kMaxTitleChars, 'x') + "\u2026");
}

TEST_CASE("episode plan: parts in speaking order with rendered texts", "[build]") {
  EpisodeConfig e;
  e.intro = "This is {show}. {headlines}";
  e.outro = "That was {show} with {count} stories.";
  e.intro_sound = "/sounds/in.wav";
  e.between_sound = "/sounds/between.wav";
  e.outro_sound = "/sounds/out.wav";
  TemplateValues v;
  v.show = "The Briefing";
  v.headlines = {"Ferry returns", "Library opens late"};
  std::vector<Story> stories = {story("Ferry returns", 30), story("Library opens late", 40)};
  stories[0].url = "https://news.example/ferry";
  ScriptOptions script;
  std::vector<EpisodePart> parts = compose_episode(e, stories, v, script);

  REQUIRE(parts.size() == 7);
  std::vector<Kind> kinds;
  for (auto& p : parts) kinds.push_back(p.kind);
  CHECK(kinds == std::vector<Kind>{Kind::between, Kind::intro, Kind::story, Kind::between,
                                   Kind::story, Kind::outro, Kind::between});
  CHECK(parts[0].sound == "/sounds/in.wav");
  CHECK(parts[3].sound == "/sounds/between.wav");
  CHECK(parts[6].sound == "/sounds/out.wav");
  CHECK(parts[1].title == "Introduction");
  REQUIRE(parts[1].blocks.size() == 1);
  std::vector<std::string> intro;
  for (auto& s : parts[1].blocks[0].sentences) intro.push_back(s.text);
  CHECK(intro ==
        std::vector<std::string>{"This is The Briefing.", "Ferry returns.", "Library opens late."});
  CHECK(parts[2].title == "Ferry returns");
  CHECK(parts[2].url == "https://news.example/ferry");
  CHECK(parts[2].blocks[0].sentences[0].text == "Ferry returns.");
  CHECK(parts[5].title == "Closing");
  CHECK(parts[5].blocks[0].sentences[0].text == "That was The Briefing with 2 stories.");
  CHECK(parts[5].blocks[0].sentences[0].spoken == "That was The Briefing with two stories.");

  e = EpisodeConfig{};
  e.intro.clear();
  e.outro.clear();
  parts = compose_episode(e, stories, v, script);
  REQUIRE(parts.size() == 2);
  CHECK((parts[0].kind == Kind::story && parts[1].kind == Kind::story));
}

TEST_CASE("episode plan: collected stories cleaned, keyed and deduplicated", "[build]") {
  const std::string ferry =
      "Harbour Ferry Returns\n\nThe harbour ferry returned to service on Monday after a "
      "two-week repair. Officials said 1,200 passengers used it on the first day.\n";
  const std::string rain =
      "Rain Expected\n\nForecasters expect 40 mm of rain on Thursday. Drivers were asked to "
      "take care on the coast road.\n";
  std::vector<SourceStory> in = {
      collected("Ferry back", "https://news.example/ferry?utm_source=rss", ferry),
      collected("Ferry again", "https://news.example/ferry", ferry),  // same story
      collected("Old news", "https://news.example/old", rain),        // broadcast before
      collected("", "https://news.example/empty", "   \n"),           // no text
      collected("Rebuilt", "https://news.example/rebuilt", rain),     // --force: kept
      collected("", "", rain),                                        // title from text
  };
  std::map<std::string, std::string> broadcast = {{"https://news.example/old", "2026-11-01"},
                                                  {"https://news.example/rebuilt", "2026-11-02"}};
  VoiceProfile voice;
  voice.rate_wpm = 150;
  voice.paragraph_pause_ms = 700;
  std::ostringstream log;
  StoryCandidates c =
      prepare_stories(in, broadcast, {"https://news.example/rebuilt"}, ScriptOptions{}, voice, log);

  CHECK(titles(c.stories) == std::vector<std::string>{"Ferry back", "Rebuilt", "Rain Expected"});
  CHECK(c.skipped_broadcast == 2);
  CHECK(c.skipped_failed == 1);
  CHECK(log.str() ==
        "briefcast: warning: source 'Wire': 'https://news.example/empty': no text to speak "
        "(empty or only whitespace); skipped\n");
  const Story& first = c.stories[0];
  CHECK(first.key == "https://news.example/ferry");
  CHECK(first.source == "Wire");
  CHECK(first.url == "https://news.example/ferry?utm_source=rss");
  REQUIRE(first.blocks.size() >= 2);
  CHECK(first.blocks[0].kind == BlockKind::heading);
  CHECK(first.blocks[0].sentences[0].text == "Ferry back");  // the source's title is spoken
  CHECK(first.estimate_seconds == Approx(estimate_speech_seconds(first.blocks, 150, 700)));
  CHECK(first.estimate_seconds > 5);
  CHECK(c.stories[2].key.rfind("sha256:", 0) == 0);

  // A title XML forbids is made safe here too, and a 9 KB one is capped.
  c = prepare_stories({collected("Bad\xEF\xBF\xBF \x01title", "", rain),
                       collected(std::string(9000, 'T'), "https://news.example/t", ferry)},
                      {}, {}, ScriptOptions{}, voice, log);
  REQUIRE(c.stories.size() == 2);
  CHECK(c.stories[0].title == "Bad title");
  CHECK(count_code_points(c.stories[1].title) == kMaxTitleChars + 1);
}
