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
  s.allow_private = true;  // the test servers are on loopback: a LAN source
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

TEST_CASE("stories come from folders and feeds, failing sources are skipped with a warning",
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

TEST_CASE("one bad story never costs the others: forbidden characters, bare heading marks",
          "[sources]") {
  test::TempDir tmp;
  // U+FFFE and U+FFFF in a JSON Feed title and on a .txt's first line; a C0 control too.
  test::write_file(tmp / "local.json", R"({"version": "https://jsonfeed.org/version/1.1",
      "items": [{"id": "1", "title": "Odd\uffff title\u0001", "content_text": "Hello."}]})");
  fs::create_directories(tmp / "notes");
  test::write_file(tmp / "notes" / "a.txt", "Plain\xEF\xBF\xBE headline\n\nBody text.\n");
  test::write_file(tmp / "notes" / "b.md", "###\n\nText under a bare heading mark.\n");
  test::write_file(tmp / "notes" / "c.md", "## \n# Real heading\n\nText.\n");
  FeedConfig config;
  SourceConfig feed;
  feed.type = SourceType::feed;
  feed.name = "Local";
  feed.path = tmp / "local.json";
  config.sources = {feed, folder_source("Notes", tmp / "notes", 10)};
  SourceState state;
  std::ostringstream log;
  auto stories = collect_stories(config, state, log);
  CHECK(log.str().empty());
  REQUIRE(stories.size() == 4);
  CHECK(stories[0].title == "Odd title");
  CHECK(stories[1].title == "Plain headline");
  CHECK(stories[2].title == "Text under a bare heading mark.");
  CHECK(stories[3].title == "Real heading");
}

TEST_CASE("a feed's links to private addresses are refused unless the source allows them",
          "[sources]") {
  LoopbackServer internal;
  internal.server.Get("/internal/secret", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html><body><p>The database password is hunter2.</p></body></html>",
                    "text/html");
  });
  internal.start();
  test::TempDir tmp;
  const std::string link = internal.url("/internal/secret");
  test::write_file(tmp / "local.xml", R"(<?xml version="1.0"?><rss version="2.0"><channel>
<title>T</title><item><title>Secret</title><link>)" +
                                          link +
                                          R"(</link><description>Short.</description></item>
</channel></rss>)");
  FeedConfig config;
  SourceConfig feed;
  feed.type = SourceType::feed;
  feed.name = "Stranger";
  feed.path = tmp / "local.xml";
  config.sources = {feed};
  SourceState state;
  std::ostringstream log;
  auto stories = collect_stories(config, state, log);
  CHECK(stories.empty());
  CHECK(log.str() == "briefcast: warning: source 'Stranger': '" + link +
                         "': refused: 127.0.0.1 is a private address (a LAN source needs "
                         "\"allow_private\": true); skipped\n");

  config.sources[0].allow_private = true;
  std::ostringstream lan_log;
  stories = collect_stories(config, state, lan_log);
  REQUIRE(stories.size() == 1);
  CHECK(stories[0].body.find("hunter2") != std::string::npos);
}

TEST_CASE("an amplifying source feed is skipped with a warning, the others stay", "[sources]") {
  test::TempDir tmp;
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY big \"" +
                    std::string(100'000, 'a') +
                    "\">]>\n<rss version=\"2.0\"><channel><title>X</title><item><title>";
  for (int i = 0; i < 2000; ++i) xml += "&big;";
  xml += "</title><description>Body.</description></item></channel></rss>\n";
  test::write_file(tmp / "bomb.xml", xml);
  fs::create_directories(tmp / "notes");
  test::write_file(tmp / "notes" / "a.txt", "Fine story\n\nBody text.\n");
  FeedConfig config;
  SourceConfig feed;
  feed.type = SourceType::feed;
  feed.name = "Bomb";
  feed.path = tmp / "bomb.xml";
  config.sources = {feed, folder_source("Notes", tmp / "notes", 10)};
  SourceState state;
  std::ostringstream log;
  auto stories = collect_stories(config, state, log);
  REQUIRE(stories.size() == 1);
  CHECK(stories[0].title == "Fine story");
  CHECK(log.str().rfind("briefcast: warning: source 'Bomb': ", 0) == 0);
  CHECK(log.str().find("entity references expand") != std::string::npos);
}

TEST_CASE("article pages are fetched in parallel within the time budgets", "[sources]") {
  std::atomic<int> in_flight{0}, most{0};
  std::atomic<bool> done{false};
  LoopbackServer s;
  std::string items;
  for (int i = 0; i < 6; ++i)
    items += "<item><title>Story " + std::to_string(i) + "</title><link>/slow/" +
             std::to_string(i) + "</link><description>Teaser.</description></item>";
  s.server.Get("/feed.xml", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<rss version=\"2.0\"><channel><title>Slow</title>" + items + "</channel></rss>",
        "application/rss+xml");
  });
  s.server.Get(R"(/slow/\d+)", [&](const httplib::Request&, httplib::Response& res) {
    const int now = ++in_flight;
    for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
    }
    // Slower than the budget: 3 s, or until the test ends.
    for (int i = 0; i < 30 && !done; ++i) std::this_thread::sleep_for(100ms);
    --in_flight;
    res.set_content("<html><body><p>Late.</p></body></html>", "text/html");
  });
  s.start();
  FeedConfig config;
  config.sources = {feed_source("Slow", s.url("/feed.xml")),
                    feed_source("After", s.url("/feed.xml"))};
  config.sources[0].fetch_budget_seconds = 1;
  config.fetch_budget_seconds = 1;
  config.parallel_fetches = 3;
  SourceState state;
  std::ostringstream log;
  const auto start = std::chrono::steady_clock::now();
  auto stories = collect_stories(config, state, log);
  const auto took = std::chrono::steady_clock::now() - start;
  done = true;
  CHECK(stories.empty());
  CHECK(most.load() == 3);  // the cap, reached
  CHECK(took < 2500ms);     // not 6 × 3 s one after another
  const std::string warnings = log.str();
  INFO(warnings);
  CHECK(warnings.find("source 'Slow': '" + s.url("/slow/0") + "': timed out") != std::string::npos);
  // Once the build's budget is spent nothing more is fetched (the feeds of all sources came
  // first, at the same time).
  CHECK(warnings.find("source 'After': '" + s.url("/slow/0") +
                      "': not fetched: the build's fetch budget is spent "
                      "(limits.fetch_budget_seconds: 1); skipped") != std::string::npos);
}

TEST_CASE("a slow source spends its own fetch budget, the next source is still read", "[sources]") {
  std::atomic<bool> done{false};
  std::atomic<int> slow_fetches{0};
  LoopbackServer s;
  std::string items;
  for (int i = 0; i < 4; ++i)
    items += "<item><title>Slow " + std::to_string(i) + "</title><link>/slow/" + std::to_string(i) +
             "</link><description>Teaser.</description></item>";
  s.server.Get("/slow.xml", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<rss version=\"2.0\"><channel><title>Slow</title>" + items + "</channel></rss>",
        "application/rss+xml");
  });
  s.server.Get(R"(/slow/\d+)", [&](const httplib::Request&, httplib::Response& res) {
    ++slow_fetches;
    for (int i = 0; i < 50 && !done; ++i) std::this_thread::sleep_for(100ms);
    res.set_content("<html><body><p>Late.</p></body></html>", "text/html");
  });
  s.server.Get("/fast.xml", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
        "<channel><title>Fast</title><item><title>On time</title><link>/on-time</link>"
        "<content:encoded>&lt;p&gt;The whole story.&lt;/p&gt;</content:encoded></item>"
        "</channel></rss>",
        "application/rss+xml");
  });
  s.start();
  FeedConfig config;
  config.sources = {feed_source("Slow", s.url("/slow.xml")),
                    feed_source("Fast", s.url("/fast.xml"))};
  config.sources[0].fetch_budget_seconds = 1;  // the build's budget stays 600 s
  config.parallel_fetches = 1;
  SourceState state;
  std::ostringstream log;
  const auto start = std::chrono::steady_clock::now();
  auto stories = collect_stories(config, state, log);
  const auto took = std::chrono::steady_clock::now() - start;
  done = true;
  const std::string warnings = log.str();
  INFO(warnings);
  REQUIRE(stories.size() == 1);
  CHECK(stories[0].title == "On time");
  CHECK(took < 2500ms);  // not 4 × 5 s
  CHECK(slow_fetches.load() == 1);
  CHECK(warnings.find("source 'Slow': '" + s.url("/slow/0") + "': timed out") != std::string::npos);
  for (int i = 1; i < 4; ++i)
    CHECK(warnings.find("source 'Slow': '" + s.url("/slow/" + std::to_string(i)) +
                        "': not fetched: the source's fetch budget is spent "
                        "(fetch_budget_seconds: 1); skipped") != std::string::npos);
}

TEST_CASE("the feeds of several sources are fetched at the same time, within the cap",
          "[sources]") {
  std::atomic<int> in_flight{0}, most{0};
  LoopbackServer s;
  s.server.Get(R"(/feed/(\d+)\.xml)", [&](const httplib::Request& req, httplib::Response& res) {
    const int now = ++in_flight;
    for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
    }
    std::this_thread::sleep_for(800ms);
    --in_flight;
    const std::string n = req.matches[1];
    res.set_content(
        "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
        "<channel><title>Feed " +
            n + "</title><item><title>Story " + n + "</title><link>/story/" + n +
            "</link><content:encoded>&lt;p&gt;Text " + n +
            ".&lt;/p&gt;</content:encoded></item></channel></rss>",
        "application/rss+xml");
  });
  s.start();
  FeedConfig config;
  for (int i = 0; i < 6; ++i)
    config.sources.push_back(
        feed_source("Feed " + std::to_string(i), s.url("/feed/" + std::to_string(i) + ".xml")));
  config.parallel_fetches = 3;
  SourceState state;
  std::ostringstream log;
  const auto start = std::chrono::steady_clock::now();
  auto stories = collect_stories(config, state, log);
  const auto took = std::chrono::steady_clock::now() - start;
  INFO(log.str());
  REQUIRE(stories.size() == 6);  // in the order of the sources
  for (int i = 0; i < 6; ++i) CHECK(stories[i].title == "Story " + std::to_string(i));
  CHECK(most.load() == 3);  // the cap, reached and kept
  CHECK(took >= 1600ms);    // two rounds of three
  CHECK(took < 3500ms);     // not 6 × 0.8 s one after another
}
