// `briefcast build` as a user runs it: stopping on a signal while a source is slow, a damaged
// state.json refused before anything is published, and the serve command it prints.
#include <signal.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "serve/interface_addresses.hpp"
#include "serve/listen_address.hpp"
#include "support/feed_definition.hpp"
#include "support/loopback_server.hpp"
#include "support/raw_http.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using test::run_briefcast;
using test::TempDir;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// feeds/example.json copied into `d`, publishing to d/public; its relative paths made absolute.
fs::path copy_example(const TempDir& d) {
  const fs::path feeds = test::source_dir() / "feeds";
  auto j = nlohmann::json::parse(test::read_file(feeds / "example.json"));
  auto absolute = [&](const nlohmann::json& p) {
    return (feeds / p.get<std::string>()).lexically_normal().string();
  };
  j["output"] = (d / "public").string();
  j["show"]["cover"] = absolute(j["show"]["cover"]);
  for (auto& source : j["sources"]) source["path"] = absolute(source["path"]);
  test::write_file(d / "example.json", j.dump(2));
  return d / "example.json";
}

// A state.json as a build writes it, with one cached part whose timeline has two sentences.
nlohmann::json example_state() {
  return nlohmann::json::parse(R"({
    "version": 1, "next_episode_number": 2, "episodes": [], "broadcast": {},
    "cache": {"2f57b6": {"file": ".briefcast/cache/2f57b6.mp3", "duration_seconds": 5.1,
                         "last_used": "2026-11-27",
                         "timeline": [{"text": "Hello.", "spoken": "Hello.", "start": 0.0,
                                       "end": 0.6, "words": [[0, 5, 0.0]]},
                                      {"text": "Bye.", "spoken": "Bye.", "start": 0.9,
                                       "end": 1.4, "words": [[0, 3, 0.9]]}]}},
    "sources": {"feeds": {}}})");
}

}  // namespace

TEST_CASE("cli: build stops within a second of SIGTERM while a source is slow", "[cli]") {
  TempDir d;
  std::atomic<bool> done{false};
  test::LoopbackServer slow;  // answers after 20 s: longer than the test waits
  slow.server.Get("/feed.xml", [&](const httplib::Request&, httplib::Response& res) {
    for (int i = 0; i < 200 && !done; ++i) std::this_thread::sleep_for(100ms);
    res.set_content("<rss version=\"2.0\"><channel><title>x</title></channel></rss>",
                    "application/rss+xml");
  });
  slow.start();
  const fs::path feed = copy_example(d);
  auto j = nlohmann::json::parse(test::read_file(feed));
  j["sources"].push_back({{"type", "feed"},
                          {"url", slow.url("/feed.xml")},
                          {"name", "Slow"},
                          {"allow_private", true}});
  test::write_file(feed, j.dump());
  for (int signal : {SIGTERM, SIGINT}) {
    INFO(signal);
    test::ChildProcess build({BRIEFCAST_BINARY, "build", feed.string(), "--date", "2026-11-02"},
                             d / "err.txt");
    std::this_thread::sleep_for(1500ms);  // the build is waiting for the slow source
    REQUIRE(build.running());
    const auto asked = std::chrono::steady_clock::now();
    CHECK(build.stop(signal, 10) == 130);
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count();
    CHECK(took < 1.0);
    CHECK(test::read_file(d / "err.txt").find("briefcast: interrupted; nothing was written\n") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(d / "public" / "feed.xml"));
    for (const fs::path& f : test::files_in(d / "public"))
      CHECK(f.filename().string().find(".tmp-") == std::string::npos);
  }
  done = true;
}

TEST_CASE("cli: build refuses a damaged or unreadable state.json with exit 8, publishing nothing",
          "[cli]") {
  TempDir d;
  const fs::path feed = copy_example(d);
  const fs::path state = d / "public" / ".briefcast" / "state.json";
  fs::create_directories(state.parent_path());
  test::write_file(d / "public" / "feed.xml", "<rss>the published feed</rss>\n");
  const std::vector<std::string> build = {"build", feed.string(), "--date", "2026-11-28"};

  nlohmann::json damaged = example_state();
  damaged["cache"]["2f57b6"]["timeline"][1]["start"] = "0.9";
  test::write_file(state, damaged.dump(1));
  auto r = run_briefcast(build);
  CHECK(r.exit_code == 8);
  CHECK(r.err == "briefcast: '" + state.string() +
                     "': field 'cache.2f57b6.timeline[1].start': expected a number, got string\n");
  CHECK(test::read_file(state) == damaged.dump(1));
  CHECK(test::read_file(d / "public" / "feed.xml") == "<rss>the published feed</rss>\n");

  // Unreadable is not missing: no new history over the old one. (A folder: root reads any file.)
  fs::remove(state);
  fs::create_directory(state);
  r = run_briefcast(build);
  CHECK(r.exit_code == 8);
  CHECK(r.err == "briefcast: '" + state.string() + "': cannot read: Is a directory\n");
  CHECK(fs::is_directory(state));
  CHECK(test::read_file(d / "public" / "feed.xml") == "<rss>the published feed</rss>\n");
  CHECK_FALSE(fs::exists(d / "public" / "episodes" / "2026-11-28.mp3"));
}

TEST_CASE("cli: the serve command build prints serves what was built", "[cli][build]") {
  TempDir d;
  test::write_feed_definition(d.path(), "http://127.0.0.1:8080/", "out");
  fs::copy_file(test::source_dir() / "examples/articles/short-note.txt",
                d / "articles" / "short-note.txt");
  const int port = test::free_port();
  const std::string p = std::to_string(port);
  // Built for this machine on another port than serve's default, then for the LAN address
  // other devices use (when the machine has one).
  std::vector<std::string> hosts = {"127.0.0.1"};
  const auto lan = reachable_hosts("0.0.0.0", interface_addresses());
  if (!lan.empty() && !is_loopback_host(lan[0])) hosts.push_back(lan[0]);
  int n = 0;
  for (const std::string& host : hosts) {
    INFO(host);
    const std::string base = "http://" + host + ":" + p + "/";
    auto built =
        test::run_build(d / "feed.json", "2026-11-0" + std::to_string(2 + n), {"--base-url", base});
    INFO(built.err);
    REQUIRE(built.exit_code == 0);
    const std::string intro = "briefcast: serve it with:  briefcast";
    auto at = built.err.find(intro);
    REQUIRE(at != std::string::npos);
    at += intro.size();
    const std::string args = built.err.substr(at, built.err.find('\n', at) - at);
    CHECK(args.find(" --port " + p) != std::string::npos);
    CHECK(args.find(" --base-url " + base) != std::string::npos);
    CHECK((args.find(" --bind 0.0.0.0") != std::string::npos) == (host != "127.0.0.1"));
    CHECK(built.err.find("subscribe in a podcast app to " + base + "feed.xml\n") !=
          std::string::npos);

    // Run exactly what was printed: it serves the built folder where the feed says it is.
    fs::path log = d / ("serve-" + std::to_string(++n) + ".log");
    test::ChildProcess server(
        {"/bin/sh", "-c", "exec " + test::shell_quote(BRIEFCAST_BINARY) + args}, log);
    REQUIRE(test::wait_for_text(log, "(Ctrl-C to stop)", 10));
    auto feed = test::raw_get(port, "/feed.xml");
    CHECK(feed.status == 200);
    CHECK(feed.body == test::read_file(d / "out/feed.xml"));
    auto page = test::raw_get(port, "/");
    CHECK(page.status == 200);
    CHECK(page.body == test::read_file(d / "out/index.html"));
    CHECK(server.stop(SIGINT, 15) == 130);
    const std::string text = test::read_file(log);
    CHECK(text.find(base + "feed.xml") != std::string::npos);  // the URL subscribed to
    CHECK(text.find("feed base URL") == std::string::npos);    // no mismatch warning
  }
}
