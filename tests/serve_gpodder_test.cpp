// End to end with a real podcast client: `briefcast serve` (the binary, as a child process)
// publishes a folder with an MP3 made by `briefcast say`; gPodder's command-line client `gpo`
// subscribes, downloads, and later fetches exactly the one new episode.
#include <signal.h>

#include <catch2/catch.hpp>
#include <ctime>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace briefcast;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

struct TestEpisode {
  std::string guid;
  std::string title;
  std::string file;      // name under the published folder
  std::time_t published;  // in the past
};

std::string rfc2822(std::time_t t) {
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday],
                tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

// Writes `root/feed.xml` (RSS 2.0 + itunes) for `episodes`, through a temporary dotfile renamed
// into place as `build` does. The integrator replaces this with the real `briefcast build`.
void publish_feed(const fs::path& root, const std::string& base_url,
                  const std::vector<TestEpisode>& episodes) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">\n"
      "<channel>\n"
      "<title>briefcast serve test</title>\n"
      "<link>" + base_url + "</link>\n"
      "<description>Daily briefing served by briefcast serve</description>\n"
      "<language>en-us</language>\n"
      "<itunes:author>briefcast</itunes:author>\n"
      "<itunes:explicit>false</itunes:explicit>\n";
  for (auto& e : episodes) {
    auto size = fs::file_size(root / e.file);
    xml += "<item>\n<title>" + e.title + "</title>\n<guid isPermaLink=\"false\">" + e.guid +
           "</guid>\n<pubDate>" + rfc2822(e.published) + "</pubDate>\n<enclosure url=\"" +
           base_url + e.file + "\" length=\"" + std::to_string(size) +
           "\" type=\"audio/mpeg\"/>\n<itunes:duration>30</itunes:duration>\n</item>\n";
  }
  xml += "</channel>\n</rss>\n";
  test::write_file(root / ".feed.xml.tmp-test01", xml);
  fs::rename(root / ".feed.xml.tmp-test01", root / "feed.xml");
}

// Every regular file under `dir` (gPodder puts downloads in a folder per podcast).
std::vector<fs::path> downloads(const fs::path& dir) {
  std::vector<fs::path> v;
  std::error_code ec;
  for (auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().filename().string()[0] != '.') v.push_back(e.path());
  return v;
}

}  // namespace

TEST_CASE("serve: gPodder subscribes, downloads, and fetches only the new episode",
          "[serve][gpodder]") {
  TempDir d;
  fs::path root = d / "out";
  fs::create_directories(root);
  fs::create_directories(d / "staging");
  // Makes the MP3 beside the folder and renames it in, so the server never sees it half-made.
  auto say = [&](const std::string& article, const std::string& file) {
    auto r = test::run_briefcast({"say",
                                  (test::source_dir() / "examples/articles" / article).string(),
                                  "-o", (d / "staging" / file).string(), "--quiet"});
    REQUIRE(r.exit_code == 0);
    fs::rename(d / "staging" / file, root / file);
  };
  say("short-note.txt", "2026-03-02-briefing.mp3");

  int port = test::free_port();
  std::string base = "http://127.0.0.1:" + std::to_string(port) + "/";
  std::time_t now = std::time(nullptr);
  std::vector<TestEpisode> episodes = {
      {"briefcast-test-2026-03-02", "Briefing: a short note", "2026-03-02-briefing.mp3",
       now - 2 * 86400}};
  publish_feed(root, base, episodes);

  test::ChildProcess server({BRIEFCAST_BINARY, "serve", root.string(), "--port",
                             std::to_string(port)},
                            d / "serve.log");
  REQUIRE(test::wait_for_text(d / "serve.log", "(Ctrl-C to stop)", 10));

  fs::path home = d / "gpodder", dl = d / "downloads";
  fs::create_directories(home);
  fs::create_directories(dl);
  auto gpo = [&](const std::string& args) {
    // From the temp folder: the repository's working directory must not shadow Python modules.
    auto r = test::run_shell("cd '" + d.path().string() + "' && GPODDER_HOME='" + home.string() +
                                 "' GPODDER_DOWNLOAD_DIR='" + dl.string() + "' gpo " + args,
                             180);
    INFO("gpo " << args << "\n" << r.out << r.err);
    CHECK(r.exit_code == 0);
    return r;
  };
  std::string feed_url = base + "feed.xml";
  gpo("subscribe '" + feed_url + "'");
  gpo("update");
  gpo("download");
  auto files = downloads(dl);
  REQUIRE(files.size() == 1);
  CHECK(test::read_file(files[0]) == test::read_file(root / "2026-03-02-briefing.mp3"));
  CHECK(files[0].extension() == ".mp3");

  // A second episode, renamed into place: update + download fetch it and only it.
  say("science-deep-sea.txt", "2026-03-03-briefing.mp3");
  episodes.push_back({"briefcast-test-2026-03-03", "Briefing: the deep sea",
                      "2026-03-03-briefing.mp3", now - 86400});
  publish_feed(root, base, episodes);
  gpo("update");
  gpo("download");
  auto after = downloads(dl);
  REQUIRE(after.size() == 2);
  std::vector<fs::path> added;
  for (auto& f : after)
    if (f != files[0]) added.push_back(f);
  REQUIRE(added.size() == 1);
  CHECK(test::read_file(added[0]) == test::read_file(root / "2026-03-03-briefing.mp3"));
  CHECK(test::read_file(files[0]) == test::read_file(root / "2026-03-02-briefing.mp3"));

  CHECK(server.stop(SIGINT, 15) == 0);
  std::string log = test::read_file(d / "serve.log");
  CHECK(log.find("GET /feed.xml 200 ") != std::string::npos);
  CHECK(log.find("GET /2026-03-03-briefing.mp3 200 ") != std::string::npos);
  // Each episode downloaded once: the first one was not fetched again.
  auto first_at = log.find("GET /2026-03-02-briefing.mp3 200 ");
  CHECK(first_at != std::string::npos);
  CHECK(log.find("GET /2026-03-02-briefing.mp3 200 ", first_at + 1) == std::string::npos);
  CHECK(log.find("briefcast: stopped") != std::string::npos);
}
