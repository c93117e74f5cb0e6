// End to end in a real browser: `briefcast build` publishes a briefing whose show title carries
// a <script>, `briefcast serve` (the binary, as a child process) serves it on loopback, and
// headless Chromium, driven by tests/support/browser_check.py through chromedriver, opens the
// show page and an episode page: no injected script runs, the player reaches its metadata with
// the episode's duration, a chapter time seeks it, and screenshots at phone width are kept in
// <build>/artifacts/browser/.
#include <signal.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "support/feed_definition.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("serve: the show and episode pages work in Chromium", "[serve][browser]") {
  if (!fs::exists("/usr/bin/chromium") || !fs::exists("/usr/bin/chromedriver")) {
    WARN(
        "SKIPPED: Debian's chromium and chromium-driver are not installed "
        "(scripts/install-deps.sh installs them); the browser test did not run");
    return;
  }
  TempDir d;
  int port = test::free_port();
  std::string base = "http://127.0.0.1:" + std::to_string(port) + "/";
  test::write_feed_definition(
      d.path(), base, "out",
      {{"show", {{"title", "<script>window.__pwned=1</script> Browser Briefing"}}},
       {"episode", {{"title", "Briefing {date}"}}}});
  for (auto article : {"short-note.txt", "science-deep-sea.txt"})
    fs::copy_file(test::source_dir() / "examples/articles" / article, d / "articles" / article);
  auto built = test::run_build(d / "feed.json", "2026-11-02");
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  REQUIRE(fs::exists(d / "out/index.html"));
  auto state = nlohmann::json::parse(test::read_file(d / "out/.briefcast/state.json"));
  const double duration = state["episodes"][0]["duration_seconds"].get<double>();

  test::ChildProcess server(
      {BRIEFCAST_BINARY, "serve", (d / "feed.json").string(), "--port", std::to_string(port)},
      d / "serve.log");
  REQUIRE(test::wait_for_text(d / "serve.log", "(Ctrl-C to stop)", 10));

  const fs::path artifacts = fs::path(BRIEFCAST_ARTIFACTS_DIR) / "browser";
  fs::remove_all(artifacts);
  auto r = test::run_shell(
      "/usr/bin/python3 " +
          test::shell_quote((test::source_dir() / "tests/support/browser_check.py").string()) +
          " " + test::shell_quote(base) + " " +
          test::shell_quote(base + "episodes/2026-11-02.html") + " " + std::to_string(duration) +
          " " + test::shell_quote(artifacts.string()),
      300);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  for (auto shot : {"show-page-390px.png", "episode-page-390px.png"}) {
    INFO(shot);
    REQUIRE(fs::exists(artifacts / shot));
    CHECK(test::read_file(artifacts / shot).rfind("\x89PNG", 0) == 0);
  }

  CHECK(server.stop(SIGINT, 15) == 130);
  std::string log = test::read_file(d / "serve.log");
  CHECK(log.find("\"GET / HTTP/1.1\" 200 ") != std::string::npos);
  CHECK(log.find("\"GET /episodes/2026-11-02.html HTTP/1.1\" 200 ") != std::string::npos);
  CHECK(log.find("\"GET /episodes/2026-11-02.mp3 HTTP/1.1\" 20") !=
        std::string::npos);  // 200 or 206
  CHECK(log.find("\"GET /cover.png HTTP/1.1\" 200 ") != std::string::npos);
}
