#include "briefing/feed_config.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A feed folder with everything a full definition points at.
struct FeedDir {
  test::TempDir tmp;
  fs::path feeds = tmp / "feeds";
  fs::path file = feeds / "x.json";

  FeedDir() {
    fs::create_directories(feeds);
    fs::create_directories(tmp / "articles");
    test::write_file(tmp / "articles" / "a.txt", "Headline\n\nBody.\n");
    test::write_file(feeds / "cover.png", "png");
    test::write_file(feeds / "chime.wav", "wav");
    test::write_file(feeds / "local.xml", "<rss/>");
    test::write_file(feeds / "my-voice.json", "{}");
  }

  static json minimal() {
    return json::parse(R"({
      "show": {"title": "T", "description": "D", "author": "A", "language": "en-US",
               "category": "News", "base_url": "https://example.com/pod"},
      "output": "../public/x",
      "sources": [{"type": "folder", "path": "../articles"}]
    })");
  }

  FeedConfig load(const json& j) const {
    test::write_file(file, j.dump());
    return load_feed_config(file);
  }

  // The message of the error loading `j` throws, with the temporary folder written as "T".
  std::string error_of(const json& j) const {
    try {
      load(j);
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::feed);
      std::string m = e.what();
      std::string root = tmp.path().string();
      for (std::size_t at; (at = m.find(root)) != std::string::npos;)
        m.replace(at, root.size(), "T");
      return m;
    }
    return "(no error)";
  }
};

std::string field_error(const std::string& field, const std::string& problem) {
  return "'T/feeds/x.json': field '" + field + "': " + problem;
}

}  // namespace

TEST_CASE("a minimal feed definition gets the defaults", "[sources]") {
  FeedDir d;
  FeedConfig c = d.load(FeedDir::minimal());
  CHECK(c.name == "x");
  CHECK(c.file == d.file);
  CHECK(c.show.title == "T");
  CHECK(c.show.base_url == "https://example.com/pod/");  // made a folder URL
  CHECK(c.show.explicit_content == false);
  CHECK(c.show.cover.empty());
  CHECK(c.show.owner_email.empty());
  CHECK(c.show.subcategory.empty());
  CHECK(c.output_dir == d.tmp.path() / "public" / "x");
  CHECK(c.voice.empty());  // nothing pinned: each story in the voice of its language
  CHECK(c.language.empty());
  CHECK(c.sources[0].voice.empty());
  CHECK(c.sources[0].language.empty());
  REQUIRE(c.sources.size() == 1);
  CHECK(c.sources[0].type == SourceType::folder);
  CHECK(c.sources[0].path == d.tmp.path() / "articles");
  CHECK(c.sources[0].name == "articles");
  CHECK(c.sources[0].max_items == 10);
  CHECK(c.episode.title == EpisodeConfig{}.title);
  CHECK(c.episode.intro_sound.empty());
  CHECK(c.max_stories == 10);
  CHECK(c.max_minutes == 20);
  CHECK(c.fetch_budget_seconds == 600);
  CHECK(c.parallel_fetches == 4);
  CHECK(c.keep_episodes == 30);
  CHECK(c.mp3.bitrate_kbps == Mp3Config{}.bitrate_kbps);
  CHECK(c.mp3.sample_rate_hz == Mp3Config{}.sample_rate_hz);
  CHECK(c.loudness.target_lufs == LoudnessConfig{}.target_lufs);
}

TEST_CASE("every field of a full feed definition is read", "[sources]") {
  FeedDir d;
  json j = json::parse(R"({
    "show": {"title": "Morning", "description": "Daily news.", "author": "Desk",
             "owner_email": "desk@example.org", "language": "de-AT", "category": "News",
             "subcategory": "Daily News", "explicit": true, "cover": "cover.png",
             "base_url": "http://127.0.0.1:8080/pod/"},
    "output": "/srv/pod",
    "voice": "my-voice.json",
    "sources": [
      {"type": "folder", "path": "../articles", "name": "Desk", "max_items": 3},
      {"type": "file", "path": "../articles/a.txt"},
      {"type": "feed", "url": "https://news.example/rss", "max_items": 5, "fetch_articles": false,
       "allow_private": true, "fetch_budget_seconds": 30},
      {"type": "feed", "path": "local.xml", "name": "Local", "language": "fr-CA"},
      {"type": "folder", "path": "../articles", "name": "Zeitung", "voice": "de-news"}
    ],
    "episode": {"title": "Briefing {date:%Y-%m-%d}", "intro": "Hello from {show}. {headlines}",
                "outro": "", "intro_sound": "chime.wav", "outro_sound": "chime.wav",
                "between_sound": "./chime.wav"},
    "limits": {"max_stories": 4, "max_minutes": 12, "fetch_budget_seconds": 300,
               "parallel_fetches": 8},
    "retention": {"keep_episodes": 7},
    "audio": {"bitrate_kbps": 96, "sample_rate_hz": 48000, "loudness_lufs": -18.5,
              "true_peak_dbtp": -1.5}
  })");
  FeedConfig c = d.load(j);
  CHECK(c.show.title == "Morning");
  CHECK(c.show.description == "Daily news.");
  CHECK(c.show.author == "Desk");
  CHECK(c.show.owner_email == "desk@example.org");
  CHECK(c.show.language == "de-AT");
  CHECK(c.show.category == "News");
  CHECK(c.show.subcategory == "Daily News");
  CHECK(c.show.explicit_content);
  CHECK(c.show.cover == d.feeds / "cover.png");
  CHECK(c.show.base_url == "http://127.0.0.1:8080/pod/");
  CHECK(c.output_dir == "/srv/pod");
  CHECK(c.voice == (d.feeds / "my-voice.json").string());
  CHECK(c.language.empty());
  REQUIRE(c.sources.size() == 5);
  CHECK(c.sources[0].voice.empty());
  CHECK(c.sources[3].language == "fr-CA");
  CHECK(c.sources[3].voice.empty());
  CHECK(c.sources[4].voice == "de-news");  // a profile name, resolved by the build
  CHECK(c.sources[0].name == "Desk");
  CHECK(c.sources[0].max_items == 3);
  CHECK(c.sources[1].type == SourceType::file);
  CHECK(c.sources[1].path == d.tmp.path() / "articles" / "a.txt");
  CHECK(c.sources[1].name == "a.txt");
  CHECK(c.sources[2].type == SourceType::feed);
  CHECK(c.sources[2].url == "https://news.example/rss");
  CHECK(c.sources[2].name == "news.example");
  CHECK(c.sources[2].max_items == 5);
  CHECK_FALSE(c.sources[2].fetch_articles);
  CHECK(c.sources[2].allow_private);
  CHECK(c.sources[2].fetch_budget_seconds == 30);
  CHECK_FALSE(c.sources[3].allow_private);          // the default
  CHECK(c.sources[3].fetch_budget_seconds == 120);  // the default
  CHECK(c.sources[3].path == d.feeds / "local.xml");
  CHECK(c.sources[3].url.empty());
  CHECK(c.episode.title == "Briefing {date:%Y-%m-%d}");
  CHECK(c.episode.intro == "Hello from {show}. {headlines}");
  CHECK(c.episode.outro.empty());
  CHECK(c.episode.intro_sound == d.feeds / "chime.wav");
  CHECK(c.episode.between_sound == d.feeds / "chime.wav");
  CHECK(c.max_stories == 4);
  CHECK(c.max_minutes == 12);
  CHECK(c.fetch_budget_seconds == 300);
  CHECK(c.parallel_fetches == 8);
  CHECK(c.keep_episodes == 7);
  CHECK(c.mp3.bitrate_kbps == 96);
  CHECK(c.mp3.sample_rate_hz == 48000);
  CHECK(c.loudness.target_lufs == -18.5);
  CHECK(c.loudness.true_peak_dbtp == -1.5);
}

TEST_CASE("bad feed definitions name the file, the field and the problem", "[sources]") {
  FeedDir d;
  auto with = [&](const std::string& pointer, const json& value) {
    json j = FeedDir::minimal();
    j[json::json_pointer(pointer)] = value;
    return d.error_of(j);
  };
  auto without = [&](const std::string& object, const std::string& key) {
    json j = FeedDir::minimal();
    j[json::json_pointer(object)].erase(key);
    return d.error_of(j);
  };

  SECTION("top level") {
    CHECK(with("/shows", 1) ==
          field_error("shows",
                      "unknown field (known: show, output, voice, language, sources, "
                      "episode, limits, retention, audio)"));
    CHECK(without("", "show") == field_error("show", "missing"));
    CHECK(with("/show", "x") == field_error("show", "expected an object, got string"));
    CHECK(without("", "output") == field_error("output", "missing"));
    CHECK(with("/output", "") == field_error("output", "must not be empty"));
    CHECK(with("/voice", 3) == field_error("voice", "expected a string, got number"));
    CHECK(with("/voice", "voices/none.json") ==
          field_error("voice", "no such voice profile 'T/feeds/voices/none.json'"));
    CHECK(with("/language", "French") ==
          field_error("language",
                      "expected a BCP 47 language tag such as \"fr\" or \"de-CH\", got 'French'"));
    CHECK(with("/language", 7) == field_error("language", "expected a string, got number"));
    json both = FeedDir::minimal();
    both["voice"] = "en-us-news";
    both["language"] = "fr";
    CHECK(d.error_of(both) == field_error("language", "give \"voice\" or \"language\", not both"));
    CHECK(without("", "sources") == field_error("sources", "missing"));
    CHECK(with("/sources", json::object()) ==
          field_error("sources", "expected an array, got object"));
    CHECK(with("/sources", json::array()) ==
          field_error("sources", "expected at least one source"));
  }

  SECTION("show") {
    CHECK(with("/show/name", "x") ==
          field_error("show.name",
                      "unknown field (known: title, description, author, "
                      "owner_email, language, category, subcategory, explicit, "
                      "cover, base_url, podcast_guid)"));
    CHECK(without("/show", "title") == field_error("show.title", "missing"));
    CHECK(with("/show/title", " ") == field_error("show.title", "must not be empty"));
    CHECK(with("/show/title", std::string(256, 'a')) ==
          field_error("show.title", "longer than 255 bytes"));
    CHECK(with("/show/description", std::string(4001, 'a')) ==
          field_error("show.description", "longer than 4000 bytes"));
    CHECK(without("/show", "description") == field_error("show.description", "missing"));
    CHECK(without("/show", "author") == field_error("show.author", "missing"));
    CHECK(with("/show/owner_email", "desk") ==
          field_error("show.owner_email", "expected an e-mail address, got 'desk'"));
    CHECK(with("/show/podcast_guid", "79c14d73") ==
          field_error("show.podcast_guid",
                      "expected a UUID such as \"9b024349-ccf0-5f69-a609-6b82873eab3c\", got "
                      "'79c14d73'"));
    CHECK(with("/show/language", "english") ==
          field_error("show.language",
                      "expected a BCP 47 language tag such as \"en-US\", got 'english'"));
    CHECK(with("/show/language", "en_US") ==
          field_error("show.language",
                      "expected a BCP 47 language tag such as \"en-US\", got 'en_US'"));
    CHECK(with("/show/category", "Newz") ==
          field_error("show.category",
                      "expected one of Apple's categories (Arts, Business, Comedy, Education, "
                      "Fiction, Government, History, Health & Fitness, Kids & Family, Leisure, "
                      "Music, News, Religion & Spirituality, Science, Society & Culture, Sports, "
                      "Technology, True Crime, TV & Film), got 'Newz'"));
    CHECK(with("/show/subcategory", "Tech") ==
          field_error("show.subcategory",
                      "expected one of the subcategories of 'News' (Business News, Daily News, "
                      "Entertainment News, News Commentary, Politics, Sports News, Tech News), "
                      "got 'Tech'"));
    json tech = FeedDir::minimal();
    tech["show"]["category"] = "Technology";
    tech["show"]["subcategory"] = "Gadgets";
    CHECK(d.error_of(tech) ==
          field_error("show.subcategory", "'Technology' has no subcategories, got 'Gadgets'"));
    CHECK(with("/show/explicit", "no") ==
          field_error("show.explicit", "expected true or false, got string"));
    CHECK(with("/show/cover", "missing.png") ==
          field_error("show.cover", "no such file 'T/feeds/missing.png'"));
    CHECK(with("/show/cover", "chime.wav") ==
          field_error("show.cover", "expected a .jpg, .jpeg, .png file, got 'chime.wav'"));
    CHECK(with("/show/cover", ".") == field_error("show.cover", "'T/feeds/' is not a file"));
    CHECK(with("/show/base_url", "ftp://example.com/") ==
          field_error("show.base_url",
                      "expected an http:// or https:// URL, got 'ftp://example.com/'"));
    CHECK(
        with("/show/base_url", "example.com/pod") ==
        field_error("show.base_url", "expected an http:// or https:// URL, got 'example.com/pod'"));
    CHECK(with("/show/base_url", "https://example.com/?x=1") ==
          field_error("show.base_url",
                      "must be a folder URL without '?' or '#', got 'https://example.com/?x=1'"));
  }

  SECTION("sources") {
    CHECK(with("/sources/0", 5) == field_error("sources[0]", "expected an object, got number"));
    CHECK(with("/sources/0/kind", "x") ==
          field_error("sources[0].kind",
                      "unknown field (known: type, name, path, url, max_items, "
                      "fetch_articles, allow_private, fetch_budget_seconds, voice, language)"));
    CHECK(without("/sources/0", "type") == field_error("sources[0].type", "missing"));
    CHECK(with("/sources/0/type", "rss") ==
          field_error("sources[0].type", "expected \"file\", \"folder\" or \"feed\", got 'rss'"));
    CHECK(with("/sources/0/path", "../nowhere") ==
          field_error("sources[0].path", "no such folder 'T/nowhere'"));
    CHECK(without("/sources/0", "path") == field_error("sources[0].path", "missing"));
    CHECK(with("/sources/0/url", "https://example.com/") ==
          field_error("sources[0].url",
                      "only a \"feed\" source has a URL; use \"path\" for a folder"));
    CHECK(with("/sources/0/fetch_articles", true) ==
          field_error("sources[0].fetch_articles", "only a \"feed\" source fetches articles"));
    CHECK(with("/sources/0/allow_private", true) ==
          field_error("sources[0].allow_private", "only a \"feed\" source fetches anything"));
    CHECK(
        with("/sources/0/fetch_budget_seconds", 10) ==
        field_error("sources[0].fetch_budget_seconds", "only a \"feed\" source fetches anything"));
    CHECK(with("/sources/0/max_items", 0) ==
          field_error("sources[0].max_items", "0 is out of range 1-100"));
    CHECK(with("/sources/0/max_items", 2.5) ==
          field_error("sources[0].max_items", "expected an integer, got number"));
    CHECK(with("/sources/0/name", "") == field_error("sources[0].name", "must not be empty"));
    CHECK(with("/sources/0/language", "fr_FR") ==
          field_error("sources[0].language",
                      "expected a BCP 47 language tag such as \"fr\" or \"de-CH\", got 'fr_FR'"));
    CHECK(with("/sources/0/voice", "") == field_error("sources[0].voice", "must not be empty"));
    CHECK(with("/sources/0/voice", "voices/none.json") ==
          field_error("sources[0].voice", "no such voice profile 'T/feeds/voices/none.json'"));
    json both = FeedDir::minimal();
    both["sources"][0]["voice"] = "de-news";
    both["sources"][0]["language"] = "de";
    CHECK(d.error_of(both) ==
          field_error("sources[0].language", "give \"voice\" or \"language\", not both"));
    CHECK(with("/sources/1", json{{"type", "feed"}}) ==
          field_error("sources[1].path",
                      "a feed source needs either \"url\" or \"path\", not neither"));
    CHECK(
        with("/sources/1",
             json{{"type", "feed"}, {"url", "https://e.example/"}, {"path", "local.xml"}}) ==
        field_error("sources[1].url", "a feed source needs either \"url\" or \"path\", not both"));
    CHECK(with("/sources/1", json{{"type", "feed"}, {"url", "file:///etc/passwd"}}) ==
          field_error("sources[1].url",
                      "expected an http:// or https:// URL, got 'file:///etc/passwd'"));
    CHECK(with("/sources/1", json{{"type", "feed"}, {"path", "nope.xml"}}) ==
          field_error("sources[1].path", "no such file 'T/feeds/nope.xml'"));
    CHECK(with("/sources/1", json{{"type", "file"}, {"path", "cover.png"}}) ==
          field_error("sources[1].path",
                      "expected a .txt, .md, .markdown, .html, .htm file, got 'cover.png'"));
    CHECK(with("/sources/1", json{{"type", "folder"}, {"path", "../articles"}}) ==
          field_error("sources[1].name",
                      "'articles' is also the name of sources[0] (names must be unique)"));
    CHECK(with("/sources/1",
               json{{"type", "feed"}, {"url", "https://e.example/"}, {"fetch_articles", 1}}) ==
          field_error("sources[1].fetch_articles", "expected true or false, got number"));
  }

  SECTION("episode") {
    CHECK(with("/episode", json::array()) ==
          field_error("episode", "expected an object, got array"));
    CHECK(with("/episode/music", "x") ==
          field_error("episode.music",
                      "unknown field (known: title, intro, outro, intro_sound, "
                      "outro_sound, between_sound)"));
    CHECK(with("/episode/title", "{show} {headlines}") ==
          field_error("episode.title",
                      "unknown placeholder '{headlines}' (known: {show}, {date}, {date:FORMAT})"));
    CHECK(with("/episode/title", "") == field_error("episode.title", "must not be empty"));
    CHECK(with("/episode/intro", "Hi {name}") ==
          field_error("episode.intro",
                      "unknown placeholder '{name}' (known: {show}, {date}, "
                      "{date:FORMAT}, {headlines}, {count})"));
    CHECK(with("/episode/outro", "Bye {show") ==
          field_error("episode.outro", "unclosed '{' (write \"{{\" for a brace)"));
    CHECK(with("/episode/outro", "Bye }") ==
          field_error("episode.outro", "a single '}' (write \"}}\" for a brace)"));
    CHECK(with("/episode/title", "{date:%Q}") ==
          field_error("episode.title",
                      "unknown date conversion '%Q' (known: %Y %y %m %d %B %b %A "
                      "%a %H %M %j %%, %-m %-d without leading zero)"));
    CHECK(with("/episode/title", std::string(256, 'a')) ==
          field_error("episode.title", "longer than 255 bytes"));
    CHECK(with("/episode/intro_sound", "nope.wav") ==
          field_error("episode.intro_sound", "no such file 'T/feeds/nope.wav'"));
    CHECK(with("/episode/outro_sound", 1) ==
          field_error("episode.outro_sound", "expected a string, got number"));
    CHECK(with("/episode/between_sound", "/nonexistent/x.wav") ==
          field_error("episode.between_sound", "no such file '/nonexistent/x.wav'"));
  }

  SECTION("limits, retention, audio") {
    CHECK(with("/limits/max_story", 1) ==
          field_error("limits.max_story",
                      "unknown field (known: max_stories, max_minutes, "
                      "fetch_budget_seconds, parallel_fetches)"));
    CHECK(with("/limits/fetch_budget_seconds", 0) ==
          field_error("limits.fetch_budget_seconds", "0 is out of range 1-7200"));
    CHECK(with("/limits/parallel_fetches", 17) ==
          field_error("limits.parallel_fetches", "17 is out of range 1-16"));
    CHECK(with("/limits/max_stories", 101) ==
          field_error("limits.max_stories", "101 is out of range 1-100"));
    CHECK(with("/limits/max_minutes", "20") ==
          field_error("limits.max_minutes", "expected an integer, got string"));
    CHECK(with("/limits/max_minutes", 0) ==
          field_error("limits.max_minutes", "0 is out of range 1-240"));
    CHECK(with("/retention/keep", 1) ==
          field_error("retention.keep", "unknown field (known: keep_episodes)"));
    CHECK(with("/retention/keep_episodes", -1) ==
          field_error("retention.keep_episodes", "-1 is out of range 1-10000"));
    CHECK(with("/audio/bitrate", 1) ==
          field_error("audio.bitrate",
                      "unknown field (known: bitrate_kbps, sample_rate_hz, "
                      "loudness_lufs, true_peak_dbtp)"));
    CHECK(with("/audio/bitrate_kbps", 65) ==
          field_error("audio.bitrate_kbps",
                      "expected one of the MP3 bitrates (32, 40, 48, 56, 64, "
                      "80, 96, 112, 128, 160, 192, 224, 256, 320), got 65"));
    CHECK(with("/audio/bitrate_kbps", 8) ==
          field_error("audio.bitrate_kbps", "8 is out of range 32-320"));
    CHECK(with("/audio/sample_rate_hz", 22050) ==
          field_error("audio.sample_rate_hz",
                      "expected 44100 or 48000 (what Apple Podcasts accepts), got 22050"));
    CHECK(with("/audio/loudness_lufs", -5) ==
          field_error("audio.loudness_lufs", "-5 is out of range -36 to -10"));
    CHECK(with("/audio/loudness_lufs", "loud") ==
          field_error("audio.loudness_lufs", "expected a number, got string"));
    CHECK(with("/audio/true_peak_dbtp", 0.5) ==
          field_error("audio.true_peak_dbtp", "0.5 is out of range -9 to 0"));
  }

  SECTION("the file itself") {
    test::write_file(d.file, "{\"show\": ");
    try {
      load_feed_config(d.file);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::feed);
      CHECK(std::string(e.what()).rfind("'" + d.file.string() + "': invalid JSON at byte", 0) == 0);
    }
    // A number no double holds (the fuzzer's find: nlohmann throws out_of_range, not
    // parse_error) is the same one-line error.
    test::write_file(d.file, "{\"show\": 106e5123}");
    try {
      load_feed_config(d.file);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::feed);
      CHECK(std::string(e.what()).starts_with("'" + d.file.string() + "': invalid JSON: "));
    }
    test::write_file(d.file, "[]");
    CHECK_THROWS_WITH(load_feed_config(d.file),
                      "'" + d.file.string() + "': expected a JSON object");
    CHECK_THROWS_WITH(load_feed_config(d.feeds / "none.json"),
                      "'" + (d.feeds / "none.json").string() + "': cannot read feed definition");
  }
}

TEST_CASE("the shipped example feed definition loads", "[sources]") {
  FeedConfig c = load_feed_config(test::source_dir() / "feeds" / "example.json");
  CHECK(c.name == "example");
  CHECK(c.show.base_url == "http://127.0.0.1:8080/");
  CHECK(c.voice == "en-us-news");
  CHECK(c.sources[0].name == "Examples");
  CHECK(c.output_dir == (test::source_dir() / "public" / "example").lexically_normal());
  REQUIRE(c.sources.size() == 1);
  CHECK(c.sources[0].path == (test::source_dir() / "examples" / "articles").lexically_normal());
}
