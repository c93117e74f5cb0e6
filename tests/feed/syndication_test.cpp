#include "feed/syndication.hpp"

#include <catch2/catch.hpp>

#include "base/error.hpp"
#include "support/error_capture.hpp"
#include "support/time_points.hpp"

using namespace briefcast;
using namespace std::chrono;
using test::utc_at;

namespace {

std::string error_of(const std::string& doc,
                     const std::string& base = "https://news.example/feed") {
  return test::error_message([&] { parse_syndication(doc, "https://news.example/feed", base); },
                             ExitCode::feed);
}

}  // namespace

TEST_CASE("RSS 2.0 items with content, summaries, relative links and dates", "[sources]") {
  const std::string rss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Harbourton &amp; District News</title>
    <link>https://news.example/</link>
    <item>
      <title>Council approves &lt;b&gt;budget&lt;/b&gt;</title>
      <link> /2026/03/budget.html </link>
      <guid isPermaLink="false">budget-2026</guid>
      <pubDate>Tue, 03 Mar 2026 08:00:00 +0000</pubDate>
      <description>Short &lt;em&gt;summary&lt;/em&gt;.</description>
      <content:encoded><![CDATA[<p>The full <strong>story</strong>.</p>]]></content:encoded>
      <dc:creator>Jane Doe</dc:creator>
    </item>
    <item>
      <title>Bridge reopens</title>
      <guid>https://news.example/bridge</guid>
      <pubDate>Mon, 2 Mar 2026 17:30 EST</pubDate>
      <description>Only a summary.</description>
      <author>desk@news.example (Desk)</author>
    </item>
  </channel>
</rss>)";
  SyndicationFeed f =
      parse_syndication(rss, "https://news.example/feed", "https://news.example/rss/feed.xml");
  CHECK(f.kind == SyndicationKind::rss);
  CHECK(f.title == "Harbourton & District News");
  CHECK(f.link == "https://news.example/");
  REQUIRE(f.items.size() == 2);
  const FeedItem& a = f.items[0];
  CHECK(a.title == "Council approves budget");
  CHECK(a.link == "https://news.example/2026/03/budget.html");
  CHECK(a.guid == "budget-2026");
  CHECK(a.published == utc_at(2026y / March / 3, 8h));
  CHECK(a.summary_html == "Short <em>summary</em>.");
  CHECK(a.content_html == "<p>The full <strong>story</strong>.</p>");
  CHECK(a.author == "Jane Doe");
  const FeedItem& b = f.items[1];
  CHECK(b.link == "https://news.example/bridge");  // permalink guid stands in for <link>
  CHECK(b.published == utc_at(2026y / March / 2, 22h, 30min));
  CHECK(b.content_html.empty());
  CHECK(b.author == "desk@news.example (Desk)");

  // A local file: relative links resolve against the channel's own link.
  SyndicationFeed local = parse_syndication(rss, "feeds/local.xml", "");
  CHECK(local.items[0].link == "https://news.example/2026/03/budget.html");
}

TEST_CASE("Atom 1.0 entries with xml:base, text constructs and authors", "[sources]") {
  const std::string atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/posts/">
  <title type="html">Science &lt;i&gt;Desk&lt;/i&gt;</title>
  <link rel="self" href="https://blog.example/atom.xml"/>
  <link href="https://blog.example/"/>
  <author><name>Feed Author</name></author>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2026-05-04T10:00:00Z</updated>
  <entry>
    <title>Glass forest found</title>
    <link rel="alternate" type="text/html" href="glass-forest"/>
    <link rel="enclosure" href="/audio.mp3"/>
    <id>tag:blog.example,2026:1</id>
    <published>2026-05-04T09:15:30+02:00</published>
    <updated>2026-05-04T12:00:00Z</updated>
    <summary>Sponges &amp; shrimp</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Deep <b>down</b>.</p></div></content>
    <author><name>J. R. Halloway</name></author>
  </entry>
  <entry xml:base="/other/">
    <title type="text">Second</title>
    <link href="two.html"/>
    <id>tag:blog.example,2026:2</id>
    <updated>2026-05-03</updated>
    <content type="html">&lt;p&gt;Two&lt;/p&gt;</content>
  </entry>
</feed>)";
  SyndicationFeed f =
      parse_syndication(atom, "https://blog.example/atom.xml", "https://blog.example/atom.xml");
  CHECK(f.kind == SyndicationKind::atom);
  CHECK(f.title == "Science Desk");
  CHECK(f.link == "https://blog.example/");
  REQUIRE(f.items.size() == 2);
  CHECK(f.items[0].title == "Glass forest found");
  CHECK(f.items[0].link == "https://blog.example/posts/glass-forest");
  CHECK(f.items[0].guid == "tag:blog.example,2026:1");
  CHECK(f.items[0].published == utc_at(2026y / May / 4, 7h, 15min, 30s));
  CHECK(f.items[0].summary_html == "<p>Sponges &amp; shrimp</p>");
  CHECK(f.items[0].content_html == "<p>Deep <b>down</b>.</p>");
  CHECK(f.items[0].author == "J. R. Halloway");
  CHECK(f.items[1].link == "https://blog.example/other/two.html");
  CHECK(f.items[1].published == utc_at(2026y / May / 3, 0h));
  CHECK(f.items[1].content_html == "<p>Two</p>");
  CHECK(f.items[1].author == "Feed Author");
}

TEST_CASE("RSS 1.0 (RDF) items beside the channel", "[sources]") {
  const std::string rdf = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example/"><title>Old</title><link>https://old.example/</link></channel>
  <item rdf:about="https://old.example/1"><title>One</title><link>https://old.example/1</link>
    <dc:date>2026-01-05T10:00:00Z</dc:date></item>
</rdf:RDF>)";
  SyndicationFeed f = parse_syndication(rdf, "o", "");
  CHECK(f.title == "Old");
  REQUIRE(f.items.size() == 1);
  CHECK(f.items[0].guid == "https://old.example/1");
  CHECK(f.items[0].published == utc_at(2026y / January / 5, 10h));
}

TEST_CASE("documents that are not feeds are refused with a reason", "[sources]") {
  CHECK(error_of("<!DOCTYPE html>\n<html><head><title>x</title></head><body></body></html>") ==
        "'https://news.example/feed': not an RSS, Atom or JSON Feed document (looks like HTML)");
  CHECK(error_of("<html><body><p>unclosed</body></html>") ==
        "'https://news.example/feed': not an RSS, Atom or JSON Feed document (looks like HTML)");
  CHECK(error_of("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"/>") ==
        "'https://news.example/feed': not an RSS, Atom or JSON Feed document (looks like HTML)");
  CHECK(error_of("<?xml version=\"1.0\"?><svg/>") ==
        "'https://news.example/feed': not an RSS, Atom or JSON Feed document (root element <svg>)");
  CHECK(error_of("<?xml version=\"1.0\"?>\n<rss "
                 "version=\"2.0\">\n<channel>\n<title>x</titel>\n</channel></rss>") ==
        "'https://news.example/feed': invalid XML at line 4: Opening and ending tag mismatch: "
        "title line 4 and titel");
  CHECK(error_of("  \n") == "'https://news.example/feed': empty document");
  // JSON is told apart by its first character and read by parse_json_feed (json_feed_test.cpp).
  CHECK(error_of(R"(  {"title": "not a feed"})") ==
        "'https://news.example/feed': not an RSS, Atom or JSON Feed document (JSON without a JSON "
        "Feed \"version\")");
}

TEST_CASE("external entities are neither loaded nor expanded", "[sources]") {
  const std::string xxe = R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<rss version="2.0"><channel><title>x&secret;</title>
<item><title>a</title><description>&secret;</description></item></channel></rss>)";
  SyndicationFeed f;
  try {
    f = parse_syndication(xxe, "x", "");
  } catch (const Error&) {
    SUCCEED("refused");
    return;
  }
  REQUIRE(f.items.size() == 1);
  CHECK(f.title == "x");
  CHECK(f.items[0].summary_html.empty());
}
