#include "feed/json_feed.hpp"

#include <catch2/catch.hpp>

#include "base/error.hpp"

using namespace briefcast;
using namespace std::chrono;

namespace {

sys_seconds at(year_month_day d, hours h) { return sys_seconds{sys_days{d}} + h; }

std::string error_of(const std::string& doc) {
  try {
    parse_json_feed(doc, "https://news.example/feed.json", "");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::feed);
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("JSON Feed 1.1 and 1.0 items", "[sources]") {
  const std::string jf = R"({
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Markets",
    "home_page_url": "https://markets.example/",
    "authors": [{"name": "Desk"}],
    "items": [
      {"id": "1", "url": "/a/one", "title": "Chipmakers beat forecasts",
       "content_html": "<p>Stocks rose.</p>", "summary": "Stocks & chips",
       "date_published": "2026-02-19T21:00:00-05:00"},
      {"id": 2, "external_url": "https://other.example/two", "title": "Oil slips",
       "content_text": "First paragraph.\n\nSecond <para>.", "authors": [{"name": "Ann"}]},
      "not an item"
    ]
  })";
  SyndicationFeed f = parse_json_feed(jf, "feeds/markets.json", "");
  CHECK(f.kind == SyndicationKind::json_feed);
  CHECK(f.title == "Markets");
  REQUIRE(f.items.size() == 2);
  CHECK(f.items[0].link == "https://markets.example/a/one");
  CHECK(f.items[0].guid == "1");
  CHECK(f.items[0].content_html == "<p>Stocks rose.</p>");
  CHECK(f.items[0].summary_html == "<p>Stocks &amp; chips</p>\n");
  CHECK(f.items[0].published == at(2026y / February / 20, 2h));
  CHECK(f.items[0].author == "Desk");
  CHECK(f.items[1].guid == "2");
  CHECK(f.items[1].link == "https://other.example/two");
  CHECK(f.items[1].content_html == "<p>First paragraph.</p>\n<p>Second &lt;para&gt;.</p>\n");
  CHECK(f.items[1].author == "Ann");

  auto v10 = parse_json_feed(R"({"version": "https://jsonfeed.org/version/1",
      "items": [{"id": "x", "author": {"name": "Old"}, "content_text": "t"}]})",
                             "f", "");
  CHECK(v10.items.at(0).author == "Old");
}

TEST_CASE("JSON Feed links resolve against the fetched URL, else the home page", "[sources]") {
  const std::string jf = R"({"version": "https://jsonfeed.org/version/1.1",
    "title": "  Spaced  ", "home_page_url": " /home ",
    "items": [{"id": "a", "url": "  a.html ", "title": "Q&A <live>"}, {"id": "b", "url": "  "}]})";
  SyndicationFeed fetched = parse_json_feed(jf, "f", "https://site.example/feeds/f.json");
  CHECK(fetched.title == "Spaced");
  CHECK(fetched.link == "https://site.example/home");
  CHECK(fetched.items.at(0).link == "https://site.example/feeds/a.html");
  CHECK(fetched.items.at(0).title == "Q&A <live>");
  CHECK(fetched.items.at(1).link.empty());
  SyndicationFeed local = parse_json_feed(jf, "f", "");
  CHECK(local.link == "/home");  // not absolute: nothing to resolve against
  CHECK(local.items.at(0).link == "a.html");
}

TEST_CASE("JSON that is not a JSON Feed is refused with a reason", "[sources]") {
  CHECK(error_of(R"({"title": "not a feed"})") ==
        "'https://news.example/feed.json': not an RSS, Atom or JSON Feed document (JSON without a "
        "JSON Feed \"version\")");
  CHECK(error_of(R"({"version": "https://jsonfeed.org/version/1.1", "items": 3})") ==
        "'https://news.example/feed.json': invalid JSON Feed: \"items\" must be an array");
  CHECK(error_of("{\"version\": ") ==
        "'https://news.example/feed.json': invalid JSON Feed: invalid JSON at byte 13");
  CHECK(error_of(R"({"version": "https://jsonfeed.org/version/1.1", "items": [], "x": -2e40000})")
            .starts_with("'https://news.example/feed.json': invalid JSON Feed: "));
  CHECK(error_of("[1, 2]") ==
        "'https://news.example/feed.json': invalid JSON Feed: expected a JSON object");
}
