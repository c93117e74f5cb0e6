// `validate_feed` and `briefcast validate`: every rule broken once gives its one-line message.
#include "feed/feed_validator.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "base/error.hpp"
#include "feed/podcast_feed.hpp"
#include "support/loopback_server.hpp"
#include "support/sample_feed.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using namespace std::chrono;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kSelf = test::kSampleFeedUrl;

Channel channel(const std::string& self = kSelf) {
  Channel c = test::sample_channel();
  c.self_url = self;
  return c;
}

// Episodes 1..3 on 21..23 Nov 2026 (item 1 of the document is episode 3), each with transcript
// and chapters, enclosures ep/N.mp3 of 1000 + N bytes under the feed's folder.
std::vector<Episode> episodes(const std::string& base = "https://news.example.com/podcast/") {
  std::vector<Episode> v;
  for (int n = 1; n <= 3; ++n) {
    Episode e = test::sample_episode(n, base);
    e.title = "Briefing " + std::string(1, static_cast<char>('A' + n - 1));
    e.pub_date = sys_days{2026y / November / 20} + days(n) + hours(6);
    e.duration_seconds = 300;
    e.description = "Notes.";
    e.transcript_url = base + "ep/" + std::to_string(n) + ".vtt";
    e.chapters_url = base + "ep/" + std::to_string(n) + ".json";
    v.push_back(e);
  }
  return v;
}

void write_enclosures(const fs::path& root) {
  fs::create_directories(root / "ep");
  for (int n = 1; n <= 3; ++n)
    test::write_file(root / "ep" / (std::to_string(n) + ".mp3"),
                     std::string(1000u + static_cast<unsigned>(n), 'x'));
}

ValidateOptions options(const fs::path& root) {
  ValidateOptions o;
  o.name = "feed.xml";
  o.root = root.string();
  o.now = sys_days{2026y / November / 24};
  return o;
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  auto p = s.find(from);
  REQUIRE(p != std::string::npos);
  return s.replace(p, from.size(), to);
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (auto& l : v) s += l + "\n";
  return s;
}

}  // namespace

TEST_CASE("validate: the rendered feed with its files is valid", "[feed]") {
  TempDir d;
  write_enclosures(d.path());
  FeedValidation v = check_feed(render_rss(channel(), episodes()), options(d.path()));
  CHECK(joined(v.problems) == "");
  CHECK(v.episodes == 3);
  CHECK(v.self_url == kSelf);
}

TEST_CASE("validate: each rule broken once gives its message", "[feed]") {
  TempDir d;
  write_enclosures(d.path());
  const std::string good = render_rss(channel(), episodes());
  const std::string i1 = "feed.xml: item 1 (guid briefcast-3): ";
  struct Case {
    std::string from, to, message;
  } cases[] = {
      {"rss version=\"2.0\"", "rss version=\"0.92\"", "feed.xml: rss: version is '0.92', not 2.0"},
      {"<title>Morning Briefing</title>", "", "feed.xml: channel: missing title"},
      {"<description><![CDATA[The day's news, read aloud.]]></description>",
       "<description> </description>", "feed.xml: channel: missing description"},
      {"<language>en-us</language>", "<language>English</language>",
       "feed.xml: channel: language 'English' is not an ISO 639 code like en or en-us"},
      {"<language>en-us</language>", "", "feed.xml: channel: missing language"},
      {"<link>https://news.example.com/</link>", "<link>/home</link>",
       "feed.xml: channel: link '/home' is not an absolute http(s) URL"},
      {"<itunes:image href=\"https://news.example.com/cover.png\"/>", "",
       "feed.xml: channel: missing itunes:image href"},
      {"<itunes:image href=\"https://news.example.com/cover.png\"/>",
       "<itunes:image href=\"https://news.example.com/cover.gif\"/>",
       "feed.xml: channel: itunes:image 'https://news.example.com/cover.gif' does not end in "
       ".jpg, .jpeg or .png"},
      {"<itunes:category text=\"News\">", "<itunes:category>",
       "feed.xml: channel: missing itunes:category text"},
      {"<itunes:explicit>false</itunes:explicit>", "<itunes:explicit>no</itunes:explicit>",
       "feed.xml: channel: itunes:explicit 'no' must be true or false"},
      {"<itunes:explicit>false</itunes:explicit>", "",
       "feed.xml: channel: missing itunes:explicit"},
      {"<itunes:author>Briefcast</itunes:author>", "", "feed.xml: channel: missing itunes:author"},
      {"<itunes:type>episodic</itunes:type>", "<itunes:type>daily</itunes:type>",
       "feed.xml: channel: itunes:type 'daily' must be episodic or serial"},
      {"rel=\"self\"", "rel=\"alternate\"",
       "feed.xml: channel: missing atom:link rel=\"self\" href"},
      {"<podcast:locked owner=\"ed@example.com\">yes", "<podcast:locked owner=\"ed@example.com\">1",
       "feed.xml: channel: podcast:locked '1' must be yes or no"},
      {"<itunes:email>ed@example.com</itunes:email>", "<itunes:name>Ed</itunes:name>",
       "feed.xml: channel: itunes:owner without itunes:email"},
      {"<podcast:locked owner=\"ed@example.com\">yes", "<podcast:locked>yes", ""},
      {"<title>Briefing C</title>", "<title></title>", i1 + "missing title"},
      {"<guid isPermaLink=\"false\">briefcast-3</guid>", "", "feed.xml: item 1: missing guid"},
      {"<guid isPermaLink=\"false\">briefcast-3</guid>", "<guid>briefcast-3</guid>",
       i1 + "guid is not a URL but isPermaLink is not \"false\""},
      {">briefcast-2<", ">briefcast-3<",
       "feed.xml: item 2 (guid briefcast-3): guid also used by item 1"},
      {"<pubDate>Mon, 23 Nov 2026 06:00:00 +0000</pubDate>", "", i1 + "missing pubDate"},
      {"<pubDate>Mon, 23 Nov 2026 06:00:00 +0000</pubDate>",
       "<pubDate>Mon, 23 Nov 26 06:00:00 +0000</pubDate>",
       i1 + "pubDate 'Mon, 23 Nov 26 06:00:00 +0000': year must have 4 digits"},
      {"<pubDate>Mon, 23 Nov 2026 06:00:00 +0000</pubDate>",
       "<pubDate>Mon, 24 Nov 2026 06:00:00 +0000</pubDate>",
       i1 + "pubDate 'Mon, 24 Nov 2026 06:00:00 +0000': day name Mon does not match the date "
            "(a Tue)"},
      {"<pubDate>Mon, 23 Nov 2026 06:00:00 +0000</pubDate>",
       "<pubDate>Tue, 24 Nov 2026 06:00:00 +0000</pubDate>",
       i1 + "pubDate 'Tue, 24 Nov 2026 06:00:00 +0000' is 360 minutes in the future (apps drop "
            "it)"},
      {"<enclosure url=\"https://news.example.com/podcast/ep/3.mp3\" length=\"1003\" "
       "type=\"audio/mpeg\"/>",
       "", i1 + "missing enclosure"},
      {"url=\"https://news.example.com/podcast/ep/3.mp3\"", "url=\"ep/3.mp3\"",
       i1 + "enclosure url 'ep/3.mp3' is not an absolute http(s) URL"},
      {"url=\"https://news.example.com/podcast/ep/3.mp3\"",
       "url=\"https://news.example.com/podcast/ep/2.mp3\"",
       i1 + "enclosure length 1003 != file size 1002 (ep/2.mp3)\n"
            "feed.xml: item 2 (guid briefcast-2): enclosure url also used by item 1"},
      {"length=\"1003\"", "length=\"1,003\"",
       i1 + "enclosure length '1,003' is not a positive integer"},
      {"length=\"1003\"", "length=\"0\"", i1 + "enclosure length '0' is not a positive integer"},
      {"length=\"1003\" ", "", i1 + "enclosure without length"},
      {"length=\"1003\"", "length=\"1300\"",
       i1 + "enclosure length 1300 != file size 1003 (ep/3.mp3)"},
      {"podcast/ep/3.mp3", "podcast/ep/9.mp3", i1 + "enclosure file missing (ep/9.mp3)"},
      // Dot segments are resolved: the length is checked, and escaping the folder or landing
      // under a dot folder (which serve refuses) is reported.
      {"podcast/ep/3.mp3", "podcast/x/../ep/3.mp3", ""},
      {"length=\"1003\"", "length=\"1300\"",
       i1 + "enclosure length 1300 != file size 1003 (ep/3.mp3)"},
      {"podcast/ep/3.mp3\" length=\"1003\"", "podcast/x/../ep/3.mp3\" length=\"1300\"",
       i1 + "enclosure length 1300 != file size 1003 (ep/3.mp3)"},
      {"podcast/ep/3.mp3", "podcast/ep/../../3.mp3",
       i1 + "enclosure url 'https://news.example.com/podcast/ep/../../3.mp3' points outside the "
            "published folder"},
      {"podcast/ep/3.mp3", "podcast/.hidden/3.mp3",
       i1 + "enclosure under a hidden (dot) name, which serve refuses (.hidden/3.mp3)\n" + i1 +
           "enclosure file missing (.hidden/3.mp3)"},
      {"type=\"audio/mpeg\"", "type=\"audio/mp3\"",
       i1 + "enclosure type 'audio/mp3' is not audio/mpeg"},
      {"<itunes:duration>300</itunes:duration>", "<itunes:duration>300.5</itunes:duration>",
       i1 + "itunes:duration '300.5' must be whole seconds or H:MM:SS"},
      {"<itunes:duration>300</itunes:duration>", "<itunes:duration>0:5:00</itunes:duration>",
       i1 + "itunes:duration '0:5:00' must be whole seconds or H:MM:SS"},
      {"<itunes:duration>300</itunes:duration>", "<itunes:duration>0:05:00</itunes:duration>", ""},
      {"<itunes:duration>300</itunes:duration>", "", i1 + "missing itunes:duration"},
      {"<itunes:episode>3</itunes:episode>", "<itunes:episode>-3</itunes:episode>",
       i1 + "itunes:episode '-3' is not a positive integer"},
      {"<itunes:episodeType>full</itunes:episodeType>",
       "<itunes:episodeType>normal</itunes:episodeType>",
       i1 + "itunes:episodeType 'normal' must be full, trailer or bonus"},
      {"type=\"text/vtt\"", "", i1 + "podcast:transcript type '' is not a transcript type"},
      {"<podcast:transcript url=\"https://news.example.com/podcast/ep/3.vtt\"",
       "<podcast:transcript url=\"\"",
       i1 + "podcast:transcript url '' is not an absolute http(s) URL"},
      {"type=\"application/json+chapters\"", "type=\"application/json\"",
       i1 + "podcast:chapters type 'application/json' is not application/json+chapters"},
      {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE rss>\n",
       "feed.xml: document: has a DOCTYPE declaration (feeds must not; entities are not "
       "expanded)"},
  };
  for (auto& c : cases) {
    std::string xml = replace(good, c.from, c.to);
    INFO(c.from << " -> " << c.to);
    CHECK(joined(validate_feed(xml, options(d.path()))) ==
          (c.message.empty() ? "" : c.message + "\n"));
  }
}

TEST_CASE("validate: podcast:locked yes needs an owner e-mail somewhere", "[feed]") {
  TempDir d;
  write_enclosures(d.path());
  Channel c = channel();
  c.owner_email.clear();
  std::string xml = render_rss(c, episodes());
  // Without an e-mail the writer neither writes itunes:owner nor locks the feed.
  CHECK(xml.find("<itunes:owner>") == std::string::npos);
  CHECK(xml.find("<podcast:locked>no</podcast:locked>") != std::string::npos);
  CHECK(validate_feed(xml, options(d.path())).empty());
  CHECK(joined(validate_feed(replace(xml, ">no</podcast:locked>", ">yes</podcast:locked>"),
                             options(d.path()))) ==
        "feed.xml: channel: podcast:locked yes without an owner e-mail (owner=\"…\" or "
        "itunes:owner)\n");
  c.locked_owner = "lock@example.com";  // an owner attribute is enough
  xml = render_rss(c, episodes());
  CHECK(xml.find("<podcast:locked owner=\"lock@example.com\">yes</podcast:locked>") !=
        std::string::npos);
  CHECK(validate_feed(xml, options(d.path())).empty());
}

TEST_CASE("validate: the same title twice on one calendar day", "[feed]") {
  TempDir d;
  write_enclosures(d.path());
  auto eps = episodes();
  eps[1].title = eps[2].title;                   // "Briefing C" twice
  eps[1].pub_date = eps[2].pub_date - hours(1);  // same day, an hour earlier
  CHECK(joined(validate_feed(render_rss(channel(), eps), options(d.path()))) ==
        "feed.xml: item 2 (guid briefcast-2): title 'Briefing C' also used by item 1 on "
        "2026-11-23 (apps merge them into one episode)\n");
  eps[1].pub_date = eps[2].pub_date - hours(7);  // the day before: fine
  CHECK(validate_feed(render_rss(channel(), eps), options(d.path())).empty());
}

TEST_CASE("validate: structure and namespace failures", "[feed]") {
  TempDir d;
  write_enclosures(d.path());
  const std::string good = render_rss(channel(), episodes());
  auto problems = validate_feed(replace(good, "</channel>", ""), options(d.path()));
  REQUIRE(problems.size() == 1);
  // The first error libxml2 met, not the consequences it reported after it.
  CHECK(problems[0].rfind("feed.xml: document: not well-formed XML: line ", 0) == 0);
  CHECK(problems[0].find("Opening and ending tag mismatch: channel") != std::string::npos);
  CHECK(joined(validate_feed("<feed/>", options(d.path()))) ==
        "feed.xml: document: root element is <feed>, not <rss>\n");
  CHECK(joined(validate_feed("", options(d.path())))
            .rfind("feed.xml: document: not well-formed XML", 0) == 0);
  // A wrong namespace URI: the message names it (and the itunes fields then count as missing).
  std::string wrong = replace(good, "http://www.itunes.com/dtds/podcast-1.0.dtd",
                              "http://www.itunes.com/DTDs/Podcast-1.0.dtd");
  problems = validate_feed(wrong, options(d.path()));
  REQUIRE_FALSE(problems.empty());
  CHECK(problems[0] ==
        "feed.xml: rss: xmlns:itunes is \"http://www.itunes.com/DTDs/Podcast-1.0.dtd\", "
        "expected \"http://www.itunes.com/dtds/podcast-1.0.dtd\"");
  CHECK(joined(problems).find("feed.xml: channel: missing itunes:image href\n") !=
        std::string::npos);
  // A namespace not declared at all.
  std::string undeclared =
      replace(good, " xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"", "");
  problems = validate_feed(undeclared, options(d.path()));
  CHECK(joined(problems).find("feed.xml: rss: namespace xmlns:podcast=\"https://"
                              "podcastindex.org/namespace/1.0\" is not declared\n") !=
        std::string::npos);
  CHECK(joined(problems).find("feed.xml: document: namespace error: line ") != std::string::npos);
  // Bad podcast:guid, and an rss with no channel.
  CHECK(joined(validate_feed(replace(good, "<podcast:guid>", "<podcast:guid>x"), options(d.path())))
            .find("feed.xml: channel: podcast:guid 'x") != std::string::npos);
  CHECK(joined(validate_feed("<rss version=\"2.0\"/>", options(d.path())))
            .rfind("feed.xml: rss: 0 <channel> elements, expected 1\n", 0) == 0);
}

TEST_CASE("validate: base URL and root mapping", "[feed]") {
  TempDir d;
  write_enclosures(d / "site");
  // Enclosures served from a different host than the feed: mapped only with an explicit base.
  const std::string xml = render_rss(channel(), episodes("https://cdn.example.net/pod/"));
  ValidateOptions o = options(d / "site");
  CHECK(validate_feed(xml, o).empty());        // not under the self URL's folder: not checked
  o.base_url = "https://cdn.example.net/pod";  // trailing slash added
  CHECK(validate_feed(xml, o).empty());
  fs::resize_file(d / "site/ep/2.mp3", 77);
  CHECK(joined(validate_feed(xml, o)) ==
        "feed.xml: item 2 (guid briefcast-2): enclosure length 1002 != file size 77 (ep/2.mp3)\n");
  // Percent-encoded names map to the file's real name.
  test::write_file(d / "site/ep/a b.mp3", std::string(1002, 'y'));
  CHECK(validate_feed(replace(xml, "pod/ep/2.mp3", "pod/ep/a%20b.mp3"), o).empty());
  // The remote check is used for URLs the root does not map.
  o.root.clear();
  std::vector<std::string> asked;
  o.remote_length = [&](const std::string& url) -> std::optional<std::uint64_t> {
    asked.push_back(url);
    if (url.ends_with("1.mp3")) throw Error(ExitCode::network, "HEAD " + url + ": HTTP 404");
    if (url.ends_with("2.mp3")) return std::nullopt;
    return 999;
  };
  CHECK(joined(validate_feed(xml, o)) ==
        "feed.xml: item 1 (guid briefcast-3): enclosure length 1003 != Content-Length 999 (HEAD "
        "https://cdn.example.net/pod/ep/3.mp3)\n"
        "feed.xml: item 2 (guid briefcast-2): enclosure HEAD https://cdn.example.net/pod/ep/2.mp3: "
        "no Content-Length\n"
        "feed.xml: item 3 (guid briefcast-1): enclosure HEAD https://cdn.example.net/pod/ep/1.mp3: "
        "HTTP 404\n");
  CHECK(asked.size() == 3);

  // Only a network failure is the enclosure's problem; anything else is not swallowed.
  o.remote_length = [](const std::string&) -> std::optional<std::uint64_t> {
    throw Error(ExitCode::interrupted, "interrupted");
  };
  CHECK_THROWS_WITH(validate_feed(xml, o), "interrupted");
  o.remote_length = [](const std::string&) -> std::optional<std::uint64_t> {
    throw std::logic_error("a bug");
  };
  CHECK_THROWS_AS(validate_feed(xml, o), std::logic_error);
}

TEST_CASE("validate cli: local file valid, invalid, missing", "[feed]") {
  TempDir d;
  write_enclosures(d.path());
  test::write_file(d / "feed.xml", render_rss(channel(), episodes()));
  std::string feed = (d / "feed.xml").string();
  auto r = test::run_briefcast({"validate", feed});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "");
  CHECK(r.err == "briefcast: " + feed + ": valid (3 episodes)\n");

  fs::resize_file(d / "ep/3.mp3", 1300);
  r = test::run_briefcast({"validate", feed});
  CHECK(r.exit_code == 10);
  CHECK(r.out == feed +
                     ": item 1 (guid briefcast-3): enclosure length 1003 != file size 1300 "
                     "(ep/3.mp3)\n");
  CHECK(r.err == "briefcast: " + feed + ": 1 problem\n");

  // --root elsewhere and --base-url that maps nothing: the size is not checked.
  r = test::run_briefcast({"validate", feed, "--base-url", "https://other.example/"});
  CHECK(r.exit_code == 0);

  r = test::run_briefcast({"validate", (d / "nope.xml").string()});
  CHECK(r.exit_code == 3);
  CHECK(r.err == "briefcast: '" + (d / "nope.xml").string() + "': No such file or directory\n");
  CHECK(test::run_briefcast({"validate"}).exit_code == 2);
}

TEST_CASE("validate cli: a feed URL on loopback, enclosures checked with HEAD", "[feed]") {
  TempDir d;
  test::LoopbackServer s;
  REQUIRE(s.server.set_mount_point("/podcast", (d / "site").string()) == false);  // not there yet
  fs::create_directories(d / "site");
  REQUIRE(s.server.set_mount_point("/podcast", (d / "site").string()));
  s.start();
  std::string base = s.url("/podcast/");
  write_enclosures(d / "site");
  test::write_file(d / "site/feed.xml", render_rss(channel(base + "feed.xml"), episodes(base)));

  auto r = test::run_briefcast({"validate", base + "feed.xml"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "briefcast: " + base + "feed.xml: valid (3 episodes)\n");
  // The scheme is case-insensitive (RFC 3986): an upper-case one is a URL too, not a file name.
  const std::string upper = "HTTP" + base.substr(4) + "feed.xml";
  r = test::run_briefcast({"validate", upper});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "briefcast: " + upper + ": valid (3 episodes)\n");

  fs::resize_file(d / "site/ep/2.mp3", 5);
  fs::remove(d / "site/ep/1.mp3");
  r = test::run_briefcast({"validate", base + "feed.xml"});
  CHECK(r.exit_code == 10);
  CHECK(r.out == base +
                     "feed.xml: item 2 (guid briefcast-2): enclosure length 1002 != "
                     "Content-Length 5 (HEAD " +
                     base + "ep/2.mp3)\n" + base +
                     "feed.xml: item 3 (guid briefcast-1): enclosure HEAD " + base +
                     "ep/1.mp3: HTTP 404\n");
  r = test::run_briefcast({"validate", base + "feed.xml", "--no-head"});
  CHECK(r.exit_code == 0);

  r = test::run_briefcast({"validate", base + "missing.xml"});
  CHECK(r.exit_code == 9);
  CHECK(r.err == "briefcast: '" + base + "missing.xml': HTTP 404\n");
}
