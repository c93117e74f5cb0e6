// End to end with a real podcast client: `briefcast build` publishes a briefing, `briefcast
// serve` (the binary, as a child process) serves its feed definition; gPodder's command-line
// client `gpo` subscribes, downloads, and after the next day's build — published under another
// base URL — fetches exactly the new episode.
#include <signal.h>

#include <catch2/catch.hpp>
#include <ctime>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/feed_definition.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

// A feed definition publishing d/out at `base_url`, its stories from d/articles: a short show
// of its own with an intro only.
void write_feed(const TempDir& d, const std::string& base_url) {
  test::write_feed_definition(
      d.path(), base_url, "out",
      {{"show",
        {{"title", "briefcast serve test"},
         {"description", "Daily briefing served by briefcast serve"},
         {"author", "briefcast"},
         {"subcategory", nullptr}}},
       {"sources", nlohmann::json::array({{{"type", "folder"}, {"path", "articles"}}})},
       {"episode", {{"title", nullptr}, {"intro", "This is {show}."}, {"outro", ""}}}});
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
  auto add_article = [&](const std::string& article) {
    fs::copy_file(test::source_dir() / "examples/articles" / article, d / "articles" / article);
  };
  auto build = [&](const std::string& date, const std::vector<std::string>& extra = {}) {
    auto r = test::run_build(d / "feed.json", date, extra);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  };
  int port = test::free_port();
  std::string base = "http://127.0.0.1:" + std::to_string(port) + "/";
  write_feed(d, base);
  add_article("short-note.txt");
  build("2026-11-02");

  test::ChildProcess server(
      {BRIEFCAST_BINARY, "serve", (d / "feed.json").string(), "--port", std::to_string(port)},
      d / "serve.log");
  REQUIRE(test::wait_for_text(d / "serve.log", "(Ctrl-C to stop)", 10));
  // The feed's base URL points where serve listens: no warning.
  CHECK(test::read_file(d / "serve.log").find("warning") == std::string::npos);

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
  CHECK(test::read_file(files[0]) == test::read_file(root / "episodes/2026-11-02.mp3"));
  CHECK(files[0].extension() == ".mp3");

  // The next day's episode, built while serve runs and published under another name of the same
  // server (every enclosure URL changes): the published episode keeps its GUID, so update +
  // download fetch the new episode and only it.
  add_article("science-deep-sea.txt");
  build("2026-11-03", {"--base-url", "http://localhost:" + std::to_string(port) + "/"});
  CHECK(test::read_file(root / "feed.xml").find("http://localhost:") != std::string::npos);
  gpo("update");
  gpo("download");
  auto after = downloads(dl);
  REQUIRE(after.size() == 2);
  std::vector<fs::path> added;
  for (auto& f : after)
    if (f != files[0]) added.push_back(f);
  REQUIRE(added.size() == 1);
  CHECK(test::read_file(added[0]) == test::read_file(root / "episodes/2026-11-03.mp3"));
  CHECK(test::read_file(files[0]) == test::read_file(root / "episodes/2026-11-02.mp3"));

  CHECK(server.stop(SIGINT, 15) == 130);
  std::string log = test::read_file(d / "serve.log");
  CHECK(log.find("\"GET /feed.xml HTTP/1.1\" 200 ") != std::string::npos);
  CHECK(log.find("\"GET /episodes/2026-11-03.mp3 HTTP/1.1\" 200 ") != std::string::npos);
  // Each episode downloaded once: the first one was not fetched again.
  auto first_at = log.find("\"GET /episodes/2026-11-02.mp3 HTTP/1.1\" 200 ");
  CHECK(first_at != std::string::npos);
  CHECK(log.find("\"GET /episodes/2026-11-02.mp3 HTTP/1.1\" 200 ", first_at + 1) ==
        std::string::npos);
  CHECK(log.find("briefcast: stopped") != std::string::npos);
}
