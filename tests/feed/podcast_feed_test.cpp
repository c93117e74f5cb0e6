// The RSS document: structure and escaping, byte for byte where it matters.
#include "feed/podcast_feed.hpp"

#include <catch2/catch.hpp>

#include "base/uuid.hpp"
#include "support/sample_feed.hpp"

using namespace briefcast;
using namespace std::chrono;

namespace {

Channel channel() {
  Channel c = test::sample_channel();
  c.owner_name = "Ed";
  c.copyright = "CC BY 4.0";
  return c;
}

Episode episode(int n, sys_days day) {
  Episode e = test::sample_episode(n);
  e.title = "Briefing for day " + std::to_string(n);
  e.pub_date = day + hours(6);
  e.duration_seconds = 600.6;
  e.description = "Plain notes.";
  return e;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("feed: one episode, the whole document", "[feed]") {
  Episode e = episode(7, sys_days{2026y / November / 23});
  e.content_html = "<p>Notes</p>";
  e.link = "https://news.example.com/7";
  e.image_url = "https://news.example.com/7.png";
  e.transcript_url = "https://news.example.com/podcast/ep/7.vtt";
  e.transcript_srt_url = "https://news.example.com/podcast/ep/7.srt";
  e.chapters_url = "https://news.example.com/podcast/ep/7.chapters.json";
  std::string guid = podcast_guid("news.example.com/podcast/feed.xml");
  CHECK(render_rss(channel(), {e}) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "
        "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\" "
        "xmlns:atom=\"http://www.w3.org/2005/Atom\" "
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
        "  <channel>\n"
        "    <title>Morning Briefing</title>\n"
        "    <link>https://news.example.com/</link>\n"
        "    <description><![CDATA[The day's news, read aloud.]]></description>\n"
        "    <language>en-us</language>\n"
        "    <copyright>CC BY 4.0</copyright>\n"
        "    <generator>briefcast</generator>\n"
        "    <lastBuildDate>Mon, 23 Nov 2026 06:00:00 +0000</lastBuildDate>\n"
        "    <atom:link href=\"https://news.example.com/podcast/feed.xml\" rel=\"self\" "
        "type=\"application/rss+xml\"/>\n"
        "    <image>\n"
        "      <url>https://news.example.com/cover.png</url>\n"
        "      <title>Morning Briefing</title>\n"
        "      <link>https://news.example.com/</link>\n"
        "    </image>\n"
        "    <itunes:author>Briefcast</itunes:author>\n"
        "    <itunes:owner>\n"
        "      <itunes:name>Ed</itunes:name>\n"
        "      <itunes:email>ed@example.com</itunes:email>\n"
        "    </itunes:owner>\n"
        "    <itunes:image href=\"https://news.example.com/cover.png\"/>\n"
        "    <itunes:category text=\"News\">\n"
        "      <itunes:category text=\"Daily News\"/>\n"
        "    </itunes:category>\n"
        "    <itunes:explicit>false</itunes:explicit>\n"
        "    <itunes:type>episodic</itunes:type>\n"
        "    <podcast:guid>" +
            guid +
            "</podcast:guid>\n"
            "    <podcast:locked owner=\"ed@example.com\">yes</podcast:locked>\n"
            "    <item>\n"
            "      <title>Briefing for day 7</title>\n"
            "      <description><![CDATA[Plain notes.]]></description>\n"
            "      <content:encoded><![CDATA[<p>Notes</p>]]></content:encoded>\n"
            "      <link>https://news.example.com/7</link>\n"
            "      <guid isPermaLink=\"false\">briefcast-7</guid>\n"
            "      <pubDate>Mon, 23 Nov 2026 06:00:00 +0000</pubDate>\n"
            "      <enclosure url=\"https://news.example.com/podcast/ep/7.mp3\" length=\"1007\" "
            "type=\"audio/mpeg\"/>\n"
            "      <itunes:duration>601</itunes:duration>\n"
            "      <itunes:episode>7</itunes:episode>\n"
            "      <itunes:episodeType>full</itunes:episodeType>\n"
            "      <itunes:explicit>false</itunes:explicit>\n"
            "      <itunes:image href=\"https://news.example.com/7.png\"/>\n"
            "      <podcast:transcript url=\"https://news.example.com/podcast/ep/7.vtt\" "
            "type=\"text/vtt\" language=\"en-us\" rel=\"captions\"/>\n"
            "      <podcast:transcript url=\"https://news.example.com/podcast/ep/7.srt\" "
            "type=\"application/x-subrip\" language=\"en-us\" rel=\"captions\"/>\n"
            "      <podcast:chapters url=\"https://news.example.com/podcast/ep/7.chapters.json\" "
            "type=\"application/json+chapters\"/>\n"
            "    </item>\n"
            "  </channel>\n"
            "</rss>\n");
}

TEST_CASE("feed: escaping, CDATA splitting, forbidden characters", "[feed]") {
  Channel c = channel();
  c.title = "News & \"Views\" <daily>";
  c.description = "Ends with ]]> and more ]]>";
  c.explicit_content = true;
  Episode e = episode(1, sys_days{2026y / March / 3});
  e.title = "Caf\xC3\xA9 & bar\x01\x1F";
  e.description = "a]]>b";
  e.enclosure_url = "https://x.example/a.mp3?x=1&y='2'";
  std::string xml = render_rss(c, {e});
  CHECK(xml.find("<title>News &amp; &quot;Views&quot; &lt;daily&gt;</title>") != std::string::npos);
  CHECK(xml.find("<description><![CDATA[Ends with ]]]]><![CDATA[> and more "
                 "]]]]><![CDATA[>]]></description>") != std::string::npos);
  CHECK(xml.find("<description><![CDATA[a]]]]><![CDATA[>b]]></description>") != std::string::npos);
  CHECK(xml.find("<title>Caf\xC3\xA9 &amp; bar</title>") != std::string::npos);
  CHECK(xml.find("url=\"https://x.example/a.mp3?x=1&amp;y=&apos;2&apos;\"") != std::string::npos);
  CHECK(count(xml, "<itunes:explicit>true</itunes:explicit>") == 2);
}

TEST_CASE("feed: newest episode first, whatever the input order", "[feed]") {
  std::vector<Episode> eps = {episode(1, sys_days{2026y / November / 21}),
                              episode(3, sys_days{2026y / November / 23}),
                              episode(2, sys_days{2026y / November / 22})};
  Episode same_day = episode(4, sys_days{2026y / November / 23});  // same time as 3, later number
  eps.push_back(same_day);
  std::string xml = render_rss(channel(), eps);
  auto p4 = xml.find("briefcast-4<"), p3 = xml.find("briefcast-3<"), p2 = xml.find("briefcast-2<"),
       p1 = xml.find("briefcast-1<");
  CHECK(p4 < p3);
  CHECK(p3 < p2);
  CHECK(p2 < p1);
  CHECK(xml.find("<lastBuildDate>Mon, 23 Nov 2026 06:00:00 +0000</lastBuildDate>") !=
        std::string::npos);
}

TEST_CASE("feed: optional parts are left out, not written empty", "[feed]") {
  Channel c = channel();
  c.subcategory.clear();
  c.owner_email.clear();
  c.owner_name.clear();
  c.locked = false;
  c.podcast_guid = "9b024349-ccf0-5f69-a609-6b82873eab3c";
  Episode e = episode(1, sys_days{2026y / March / 3});
  e.episode_number = 0;
  e.duration_seconds = -3;
  std::string xml = render_rss(c, {e});
  CHECK(xml.find("<itunes:category text=\"News\"/>") != std::string::npos);
  CHECK(xml.find("<itunes:owner>") == std::string::npos);
  CHECK(xml.find("<podcast:locked>no</podcast:locked>") != std::string::npos);
  CHECK(xml.find("<podcast:guid>9b024349-ccf0-5f69-a609-6b82873eab3c</podcast:guid>") !=
        std::string::npos);
  CHECK(xml.find("<itunes:episode>") == std::string::npos);
  CHECK(xml.find("<itunes:duration>0</itunes:duration>") != std::string::npos);
  CHECK(xml.find("content:encoded>") == std::string::npos);
  CHECK(xml.find("podcast:transcript") == std::string::npos);
  CHECK(xml.find("<link>") != std::string::npos);  // channel link only
  CHECK(count(xml, "<link>") == 2);                // channel + image
  // No episodes: still a complete document, without lastBuildDate.
  std::string empty = render_rss(c, {});
  CHECK(empty.find("<lastBuildDate>") == std::string::npos);
  CHECK(empty.find("</channel>\n</rss>\n") != std::string::npos);
}

TEST_CASE("feed: owner, lock and build time", "[feed]") {
  Channel c = channel();
  // An owner name alone is no owner: strict validators require the e-mail.
  c.owner_email.clear();
  std::string xml = render_rss(c, {});
  CHECK(xml.find("<itunes:owner>") == std::string::npos);
  CHECK(xml.find("<podcast:locked>no</podcast:locked>") != std::string::npos);
  c.owner_email = "ed@example.com";
  xml = render_rss(c, {});
  CHECK(xml.find("<itunes:owner>\n      <itunes:name>Ed</itunes:name>\n      "
                 "<itunes:email>ed@example.com</itunes:email>\n    </itunes:owner>") !=
        std::string::npos);
  CHECK(xml.find("<podcast:locked owner=\"ed@example.com\">yes</podcast:locked>") !=
        std::string::npos);
  // lastBuildDate is the build's time, even when it is later than every episode.
  c.last_build_date = sys_days{2026y / November / 29} + hours(17) + minutes(5);
  xml = render_rss(c, {episode(1, sys_days{2026y / November / 23})});
  CHECK(xml.find("<lastBuildDate>Sun, 29 Nov 2026 17:05:00 +0000</lastBuildDate>") !=
        std::string::npos);
  CHECK(xml.find("<pubDate>Mon, 23 Nov 2026 06:00:00 +0000</pubDate>") != std::string::npos);
}
