#include "briefing/sources.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "briefing/briefing_state.hpp"
#include "support/loopback_server.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using namespace std::chrono_literals;
using test::LoopbackServer;
namespace fs = std::filesystem;

namespace {

SourceConfig folder_source(const std::string& name, const fs::path& path, int max_items) {
  SourceConfig s;
  s.type = SourceType::folder;
  s.name = name;
  s.path = path;
  s.max_items = max_items;
  return s;
}

SourceConfig feed_source(const std::string& name, const std::string& url) {
  SourceConfig s;
  s.type = SourceType::feed;
  s.name = name;
  s.url = url;
  return s;
}

const std::string kLongSummary(700, 'w');

std::string wire_feed() {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire</title><link>https://wire.example/</link>
<item><title>Full story</title><link>/full?utm_source=rss</link>
  <pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate>
  <description>Teaser.</description>
  <content:encoded><![CDATA[<p>Everything.</p>]]></content:encoded></item>
<item><title>Summary only</title><link>/article/2</link><guid>w-2</guid>
  <description>Read more...</description><author>a@wire.example (Ann)</author></item>
<item><title>Broken link</title><link>/article/missing</link>
  <description>Read more...</description></item>
<item><title>Duplicate</title><link>/full/</link><description>Same story again.</description></item>
<item><title>Long summary</title><link>/article/never</link>
  <description>)" +
         kLongSummary + R"(</description></item>
</channel></rss>)";
}

}  // namespace

TEST_CASE("stories come from folders and feeds; failing sources are skipped with a warning",
          "[sources]") {
  test::TempDir tmp;
  fs::create_directories(tmp / "articles");
  test::write_file(tmp / "articles" / "b.md", "\n# Second story\n\nText.\n");
  test::write_file(tmp / "articles" / "a.txt",
                   "\xEF\xBB\xBF"
                   "First headline\n\nBody.\n");
  test::write_file(tmp / "articles" / "c.html", "<h1>Third</h1>");
  test::write_file(tmp / "articles" / ".hidden.txt", "hidden");
  test::write_file(tmp / "articles" / "photo.jpg", "jpeg");

  LoopbackServer s;
  std::atomic<int> feed_200{0}, feed_304{0}, article_fetches{0};
  s.server.Get("/feed.xml", [&](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("If-None-Match") == "\"w1\"") {
      ++feed_304;
      res.status = 304;
      return;
    }
    ++feed_200;
    res.set_header("ETag", "\"w1\"");
    res.set_content(wire_feed(), "application/rss+xml");
  });
  s.server.Get("/article/2", [&](const httplib::Request&, httplib::Response& res) {
    ++article_fetches;
    res.set_content("<html><body><p>The whole article.</p></body></html>",
                    "text/html; charset=windows-1252");
  });
  s.server.Get("/page.html", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<!doctype html><html><body>Home</body></html>", "text/html");
  });
  s.start();

  FeedConfig config;
  config.sources = {
      folder_source("Desk", tmp / "articles", 2), feed_source("Wire", s.url("/feed.xml")),
      feed_source("Broken", s.url("/broken.xml")), feed_source("Page", s.url("/page.html"))};
  SourceState state;
  state.feeds["https://old.example/feed"].etag = "\"stale\"";  // no longer configured
  std::ostringstream log;
  std::vector<SourceStory> stories = collect_stories(config, state, log);

  CHECK(log.str() == "briefcast: warning: source 'Wire': '" + s.url("/article/missing") +
                         "': HTTP 404; skipped\n"
                         "briefcast: warning: source 'Broken': '" +
                         s.url("/broken.xml") +
                         "': HTTP 404; skipped\n"
                         "briefcast: warning: source 'Page': '" +
                         s.url("/page.html") +
                         "': not an RSS, Atom or JSON Feed document (looks like HTML); skipped\n");
  REQUIRE(stories.size() == 5);

  CHECK(stories[0].title == "First headline");
  CHECK(stories[0].source_name == "Desk");
  CHECK(stories[0].body_kind == "text");
  CHECK(stories[0].body ==
        "\xEF\xBB\xBF"
        "First headline\n\nBody.\n");
  CHECK(stories[0].url.empty());
  CHECK_FALSE(stories[0].published);
  CHECK(stories[0].origin == (tmp / "articles" / "a.txt").string());
  CHECK(stories[1].title == "Second story");
  CHECK(stories[1].body_kind == "markdown");

  CHECK(stories[2].title == "Full story");
  CHECK(stories[2].source_name == "Wire");
  CHECK(stories[2].url == s.url("/full?utm_source=rss"));
  CHECK(stories[2].body_kind == "html");
  CHECK(stories[2].body == "<p>Everything.</p>");
  CHECK(stories[2].charset == "utf-8");
  CHECK(stories[2].published.has_value());

  CHECK(stories[3].title == "Summary only");
  CHECK(stories[3].guid == "w-2");
  CHECK(stories[3].author == "a@wire.example (Ann)");
  CHECK(stories[3].body_kind == "html");
  CHECK(stories[3].body == "<html><body><p>The whole article.</p></body></html>");
  CHECK(stories[3].charset == "windows-1252");
  CHECK(stories[3].origin == s.url("/article/2"));

  CHECK(stories[4].title == "Long summary");  // "Duplicate" was the same URL as "Full story"
  CHECK(stories[4].body == kLongSummary);
  CHECK(article_fetches == 1);

  // The validators were remembered; the stale entry is gone.
  REQUIRE(state.feeds.size() == 1);
  CHECK(state.feeds.begin()->first == s.url("/feed.xml"));
  CHECK(state.feeds.begin()->second.etag == "\"w1\"");

  SECTION(
      "the next run gets a 304 and reuses the stored feed, also after a state.json round trip") {
    test::TempDir d;
    BriefingState saved;
    saved.sources = state;
    save_state(saved, d / "state.json");
    SourceState restored = load_state(d / "state.json").sources;
    std::ostringstream log2;
    std::vector<SourceStory> again = collect_stories(config, restored, log2);
    CHECK(feed_200 == 1);
    CHECK(feed_304 == 1);
    REQUIRE(again.size() == stories.size());
    for (std::size_t i = 0; i < again.size(); ++i) {
      CHECK(again[i].title == stories[i].title);
      CHECK(again[i].body == stories[i].body);
    }
    CHECK(restored.feeds.at(s.url("/feed.xml")).etag == "\"w1\"");
  }

  SECTION("fetch_articles false keeps the short summary") {
    config.sources = {feed_source("Wire", s.url("/feed.xml"))};
    config.sources[0].fetch_articles = false;
    config.sources[0].max_items = 2;
    std::ostringstream log2;
    std::vector<SourceStory> two = collect_stories(config, state, log2);
    CHECK(log2.str().empty());
    REQUIRE(two.size() == 2);
    CHECK(two[1].body == "Read more...");
    CHECK(article_fetches == 1);
  }
}

TEST_CASE("a local feed file and a single file are sources too", "[sources]") {
  test::TempDir tmp;
  test::write_file(tmp / "local.json", R"({"version": "https://jsonfeed.org/version/1.1",
      "items": [{"id": "1", "title": "Local", "content_text": "Hello."},
                {"id": "2", "title": "Empty"}]})");
  test::write_file(tmp / "note.html", "<html><title>Note</title></html>");
  FeedConfig config;
  SourceConfig feed;
  feed.type = SourceType::feed;
  feed.name = "Local";
  feed.path = tmp / "local.json";
  SourceConfig file;
  file.type = SourceType::file;
  file.name = "Note";
  file.path = tmp / "note.html";
  SourceConfig gone = file;
  gone.name = "Gone";
  gone.path = tmp / "gone.txt";
  config.sources = {feed, file, gone};
  SourceState state;
  std::ostringstream log;
  auto stories = collect_stories(config, state, log);
  CHECK(log.str() ==
        "briefcast: warning: source 'Local': item 'Empty' has no text; skipped\n"
        "briefcast: warning: source 'Gone': '" +
            (tmp / "gone.txt").string() + "': cannot read: No such file or directory; skipped\n");
  REQUIRE(stories.size() == 2);
  CHECK(stories[0].body == "<p>Hello.</p>\n");
  CHECK(stories[1].body_kind == "html");
  CHECK(stories[1].title.empty());  // HTML titles are the extractor's job
}
