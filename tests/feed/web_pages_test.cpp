// The show's web pages: what each shows, escaping, relative links, and valid markup (html5lib's
// strict HTML5 parser and libxml2's XML parser both accept them).
#include "feed/web_pages.hpp"

#include <catch2/catch.hpp>

#include "markup/markup_tree.hpp"
#include "support/test_support.hpp"

using namespace briefcast;

namespace {

const std::string kHostile = "<script>window.__pwned=1</script> & \"Q's\"";

PageShow show() {
  PageShow s;
  s.title = "Morning " + kHostile;
  s.description = "The day's news, read aloud. " + kHostile;
  s.author = "Desk";
  s.language = "en-US";
  s.cover = "cover.png";
  s.feed_url = "http://127.0.0.1:8080/feed.xml";
  return s;
}

PageEpisode episode(const std::string& date) {
  PageEpisode e;
  e.title = "Briefing " + date + " " + kHostile;
  e.date = date;
  e.duration_seconds = 125.4;
  e.page = "episodes/" + date + ".html";
  e.audio = "episodes/" + date + ".mp3";
  e.chapters_json = "episodes/" + date + ".chapters.json";
  e.vtt = "episodes/" + date + ".vtt";
  e.srt = "episodes/" + date + ".srt";
  e.intro = "Today " + kHostile;
  e.footer = "Read by eSpeak NG.";
  Chapter intro, story;
  intro.title = "Introduction";
  story.start_s = 65.25;
  story.title = "Ferry " + kHostile;
  story.url = "https://news.example/ferry?a=1&b=2";
  Chapter hidden;
  hidden.start_s = 100;
  hidden.title = "marker";
  hidden.toc = false;
  e.chapters = {intro, story, hidden};
  e.cues = {{0.5, 3.0, "Good   morning.", "", {}},
            {3.0, 3.0, "Empty cue.", "", {}},
            {65.25, 70.0, "The ferry " + kHostile, "", {}}};
  return e;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

bool has(const std::string& s, const std::string& what) {
  return s.find(what) != std::string::npos;
}

// Every problem html5lib's strict parser reports (it stops at the first), or "" for none.
std::string html5_problems(const std::string& html) {
  test::TempDir d;
  test::write_file(d / "page.html", html);
  auto r = test::run_shell(
      "/usr/bin/python3 -c 'import sys, html5lib; "
      "html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], \"rb\").read())' " +
      test::shell_quote((d / "page.html").string()));
  return r.exit_code == 0 ? "" : r.err;
}

bool well_formed_xml(const std::string& html) { return parse_xml(html).well_formed(); }

}  // namespace

TEST_CASE("web pages: the episode page", "[feed][web]") {
  const std::string h = render_episode_web_page(show(), episode("2026-11-02"));
  CHECK(h.rfind("<!DOCTYPE html>\n<html lang=\"en-US\">", 0) == 0);
  CHECK(has(h, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"));
  // Escaped everywhere: the only <script> is the page's own.
  CHECK(count(h, "<script>") == 1);
  CHECK(!has(h, "__pwned=1</script>"));
  CHECK(has(h,
            "<h1>Briefing 2026-11-02 &lt;script&gt;window.__pwned=1&lt;/script&gt; &amp; "
            "&quot;Q&#39;s&quot;</h1>"));
  // The show's cover and name, linking home; relative links work under any base URL.
  CHECK(has(h, "<img src=\"../cover.png\" alt=\"\""));
  CHECK(has(h, "<a href=\"../index.html\">Morning &lt;script&gt;"));
  CHECK(has(h,
            "<time datetime=\"2026-11-02\">Monday, 2 November 2026</time> · "
            "<time datetime=\"PT2M5S\">2:05</time>"));
  CHECK(has(h,
            "<audio id=\"player\" controls=\"controls\" preload=\"none\" "
            "src=\"2026-11-02.mp3\""));
  // Chapters: a time that seeks (or opens the audio there), the story linked to its article;
  // a silent marker is not listed.
  CHECK(has(h,
            "<a class=\"seek\" href=\"2026-11-02.mp3#t=65.250\" data-player=\"player\" "
            "data-start=\"65.250\"><time datetime=\"PT1M5S\">1:05</time></a> <span><a "
            "href=\"https://news.example/ferry?a=1&amp;b=2\">Ferry &lt;script&gt;"));
  CHECK(!has(h, "marker"));
  // The transcript: the cues the VTT is written from, whitespace folded, empty cues skipped.
  CHECK(has(h, "<time datetime=\"PT0S\">0:00</time></a> Good morning.</p>"));
  CHECK(!has(h, "Empty cue."));
  CHECK(has(h, "The ferry &lt;script&gt;"));
  // The files.
  for (auto link : {"href=\"../feed.xml\"", "href=\"2026-11-02.chapters.json\"",
                    "href=\"2026-11-02.vtt\"", "href=\"2026-11-02.srt\""})
    CHECK(has(h, link));
  CHECK(!has(h, "http://127.0.0.1:8080"));  // nothing absolute but the article links
  CHECK(!has(h, "stylesheet"));             // no external stylesheet or font
  CHECK(has(h,
            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Morning "
            "&lt;script&gt;"));
  CHECK(has(h, "href=\"../feed.xml\"/>"));  // autodiscovery of the feed
  CHECK(count(h, "<style>") == 1);
  CHECK(html5_problems(h) == "");
  CHECK(well_formed_xml(h));
}

TEST_CASE("web pages: the show page", "[feed][web]") {
  std::vector<PageEpisode> eps = {episode("2026-11-02"), episode("2026-11-04"),
                                  episode("2026-11-03")};
  const std::string h = render_show_web_page(show(), eps);
  CHECK(count(h, "<script>") == 1);
  CHECK(has(h, "<link rel=\"alternate\" type=\"application/rss+xml\""));
  CHECK(has(h, "<h1>Morning &lt;script&gt;window.__pwned=1&lt;/script&gt;"));
  CHECK(has(h, "<img src=\"cover.png\" alt=\"Cover of Morning &lt;script&gt;"));
  CHECK(has(h, "<p>The day&#39;s news, read aloud. &lt;script&gt;"));
  // Subscribe: the URL to copy, podcast://, pcast:// and AntennaPod links.
  CHECK(has(h,
            "<input id=\"feed-url\" type=\"url\" readonly=\"readonly\" "
            "value=\"http://127.0.0.1:8080/feed.xml\"/>"));
  CHECK(has(h, "href=\"podcast://127.0.0.1:8080/feed.xml\""));
  CHECK(has(h, "href=\"pcast://127.0.0.1:8080/feed.xml\""));
  CHECK(has(h,
            "href=\"https://antennapod.org/deeplink/subscribe?url=http%3A%2F%2F127.0.0.1%3A8080"
            "%2Ffeed.xml&amp;title=Morning%20%3Cscript%3E"));
  // Newest first, each with its player and page.
  auto p4 = h.find("episodes/2026-11-04.html"), p3 = h.find("episodes/2026-11-03.html"),
       p2 = h.find("episodes/2026-11-02.html");
  CHECK(p4 < p3);
  CHECK(p3 < p2);
  CHECK(count(h, "controls=\"controls\" preload=\"none\"") == 3);
  CHECK(has(h,
            "id=\"player-1\" controls=\"controls\" preload=\"none\" "
            "src=\"episodes/2026-11-04.mp3\""));
  CHECK(html5_problems(h) == "");
  CHECK(well_formed_xml(h));

  // A feed URL with markup in it stays text in every subscribe link.
  PageShow odd = show();
  odd.feed_url = "http://h.example/p?a=1&b=\"><script>x()</script>";
  const std::string o = render_show_web_page(odd, {});
  CHECK(!has(o, "<script>x()"));
  CHECK(has(o, "href=\"podcast://h.example/p?a=1&amp;b=&quot;&gt;&lt;script&gt;x()"));
  CHECK(has(o, "href=\"pcast://h.example/p?a=1&amp;b=&quot;&gt;&lt;script&gt;x()"));
  CHECK(has(o, "subscribe?url=http%3A%2F%2Fh.example%2Fp%3Fa%3D1%26b%3D%22%3E%3Cscript%3Ex%28%29"));
  CHECK(html5_problems(o) == "");

  const std::string empty = render_show_web_page(show(), {});
  CHECK(has(empty, "<p>No episodes yet.</p>"));
  CHECK(html5_problems(empty) == "");
}

TEST_CASE("web pages: dates, app links and encoding", "[feed][web]") {
  CHECK(long_date("2026-11-02") == "Monday, 2 November 2026");
  CHECK(long_date("2024-02-29") == "Thursday, 29 February 2024");
  CHECK(long_date("2026-02-30") == "2026-02-30");  // not a day: shown as given
  CHECK(long_date("soon") == "soon");
  CHECK(app_scheme_url("https://h.example/pod/feed.xml", "podcast") ==
        "podcast://h.example/pod/feed.xml");
  CHECK(app_scheme_url("http://10.0.0.5:8080/Tk/feed.xml", "pcast") ==
        "pcast://10.0.0.5:8080/Tk/feed.xml");
  CHECK(percent_encode("a b/ü~") == "a%20b%2F%C3%BC~");
}
