// The rendered feed as two real podcast clients' parsers read it: gPodder's podcastparser and
// feedparser, both from Debian, run by tests/support/feed_parsers.py under /usr/bin/python3.
// Every field written is compared with what each parser read.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "feed/podcast_feed.hpp"
#include "support/feed_clients.hpp"
#include "support/sample_feed.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using namespace std::chrono;
using nlohmann::json;
using test::TempDir;

namespace {

const std::string kBase = "http://127.0.0.1:8080/briefing/";

// The sample show with text that needs escaping, its feed under kBase.
Channel channel() {
  Channel c = test::sample_channel();
  c.title = "Morning Briefing & \"Friends\"";
  c.description = "The day's news, read aloud. Ends ]]> here.";
  c.language = "en-gb";
  c.author = "Briefcast <bot>";
  c.self_url = kBase + "feed.xml";
  return c;
}

std::vector<Episode> episodes() {
  std::vector<Episode> v;
  const char* titles[] = {"Rates \"held\" & <steady>", "Caf\xC3\xA9 prices]]> soar",
                          "Storm warning"};
  for (int n = 1; n <= 3; ++n) {
    Episode e;
    e.title = titles[n - 1];
    e.guid = "briefcast:morning:2026-11-2" + std::to_string(n);
    e.pub_date = sys_days{2026y / November / 20} + days(n) + hours(5) + minutes(n) + seconds(7);
    e.enclosure_url = kBase + "ep/2026-11-2" + std::to_string(n) + ".mp3";
    e.enclosure_length = 123456u + static_cast<unsigned>(n);
    e.duration_seconds = 540.4 + n;
    e.episode_number = n;
    e.description = "Plain notes & more for episode " + std::to_string(n) + ".";
    e.content_html = "<p>Notes <a href=\"https://example.com/?a=1&amp;b=2\">link</a> ]]> " +
                     std::to_string(n) + "</p>";
    e.link = "https://news.example.com/ep/" + std::to_string(n);
    e.transcript_url = kBase + "ep/" + std::to_string(n) + ".vtt";
    e.chapters_url = kBase + "ep/" + std::to_string(n) + ".json";
    v.push_back(e);
  }
  return v;
}

json parse_with_python(const TempDir& d, const std::string& xml) {
  test::write_file(d / "feed.xml", xml);
  return test::parse_with_feed_clients(d / "feed.xml", kBase + "feed.xml");
}

}  // namespace

TEST_CASE("feed parsers: gPodder's podcastparser reads every field as written", "[feed]") {
  TempDir d;
  Channel ch = channel();
  std::vector<Episode> eps = episodes();
  json p = parse_with_python(d, render_rss(ch, eps))["podcastparser"];
  CHECK(p["title"] == ch.title);
  CHECK(p["link"] == ch.link);
  CHECK(p["description"] == ch.description);
  CHECK(p["language"] == ch.language);
  CHECK(p["cover_url"] == ch.image_url);
  CHECK(p["author"] == ch.author);
  CHECK(p["explicit"] == false);
  CHECK(p["type"] == "episodic");
  CHECK(p["categories"] == json::parse(R"([["News", "Daily News"]])"));
  REQUIRE(p["episodes"].size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    const Episode& e = eps[2 - i];  // newest first
    const json& got = p["episodes"][i];
    INFO("episode " << e.episode_number);
    CHECK(got["title"] == e.title);
    CHECK(got["guid"] == e.guid);
    CHECK(got["published"] == e.pub_date.time_since_epoch().count());
    CHECK(got["duration"] == std::lround(e.duration_seconds));
    CHECK(got["number"] == e.episode_number);
    CHECK(got["episode_type"] == "full");
    CHECK(got["link"] == e.link);
    CHECK(got["description"] == e.description);
    CHECK(got["description_html"] == e.content_html);
    REQUIRE(got["enclosures"].size() == 1);
    CHECK(got["enclosures"][0]["url"] == e.enclosure_url);
    CHECK(got["enclosures"][0]["length"] == e.enclosure_length);
    CHECK(got["enclosures"][0]["type"] == "audio/mpeg");
  }
}

TEST_CASE("feed parsers: feedparser reads every field as written", "[feed]") {
  TempDir d;
  Channel ch = channel();
  std::vector<Episode> eps = episodes();
  json f = parse_with_python(d, render_rss(ch, eps))["feedparser"];
  INFO(f["bozo_exception"]);
  CHECK(f["bozo"] == false);
  CHECK(f["version"] == "rss20");
  CHECK(f["title"] == ch.title);
  CHECK(f["link"] == ch.link);
  CHECK(f["language"] == ch.language);
  CHECK(f["author"] == ch.author);
  CHECK(f["image"] == ch.image_url);
  REQUIRE(f["entries"].size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    const Episode& e = eps[2 - i];  // document order: newest first
    const json& got = f["entries"][i];
    INFO("episode " << e.episode_number);
    CHECK(got["title"] == e.title);
    CHECK(got["guid"] == e.guid);
    CHECK(got["guid_is_link"] == false);
    CHECK(got["published"] == e.pub_date.time_since_epoch().count());
    CHECK(got["duration"] == std::to_string(std::lround(e.duration_seconds)));
    CHECK(got["episode"] == std::to_string(e.episode_number));
    CHECK(got["episode_type"] == "full");
    CHECK(got["link"] == e.link);
    CHECK(got["summary"] == e.description);
    REQUIRE(got["content"].size() == 1);
    CHECK(got["content"][0] == e.content_html);
    REQUIRE(got["enclosures"].size() == 1);
    CHECK(got["enclosures"][0]["url"] == e.enclosure_url);
    CHECK(got["enclosures"][0]["length"] == std::to_string(e.enclosure_length));
    CHECK(got["enclosures"][0]["type"] == "audio/mpeg");
  }
}
