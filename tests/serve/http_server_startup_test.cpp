// `briefcast serve` starting and running: errors for a missing root or a port in use, the
// warnings and addresses it prints, the token (from --token, --token-file, BRIEFCAST_TOKEN) kept
// out of the log and of ps, the daily schedule, and the CLI command itself.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <ctime>
#include <sstream>
#include <thread>

#include "base/error.hpp"
#include "serve/daily_schedule.hpp"
#include "serve/http_server.hpp"
#include "serve/interface_addresses.hpp"
#include "serve/listen_address.hpp"
#include "support/raw_http.hpp"
#include "support/serve_site.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using test::curl;
using test::HttpResult;
using test::random_bytes;
using test::raw_get;
using test::raw_request;
using test::Site;
using test::TempDir;
using test::TestServer;
namespace fs = std::filesystem;

TEST_CASE("serve: errors for a missing root and a port in use", "[serve]") {
  TempDir d;
  std::ostringstream log;
  ServeOptions o;
  o.root = d / "missing";
  try {
    HttpServer s(o, log);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::input);
    CHECK(std::string(e.what()) == "'" + (d / "missing").string() + "': folder does not exist");
  }
  o.root = d.path();
  o.port = 0;
  HttpServer first(o, log);
  int port = first.bind();
  o.port = port;
  HttpServer second(o, log);
  try {
    second.bind();
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::network);
    CHECK(std::string(e.what()) ==
          "cannot listen on 127.0.0.1:" + std::to_string(port) + ": address in use");
  }
  o.daily_at = "25:00";
  CHECK_THROWS_AS(HttpServer(o, log), Error);
}

// The warning texts themselves: tests/listen_address_test.cpp.
TEST_CASE("serve: base URL warning and non-loopback warning", "[serve]") {
  Site site;
  auto o = site.options();
  o.expected_base_url = "http://example.org/pod/";
  {
    TestServer srv(o);
    CHECK(srv.log().find("briefcast: warning: feed base URL http://example.org/pod/ does not "
                         "point at http://127.0.0.1:" +
                         std::to_string(srv.port()) + "/ where serve listens") !=
          std::string::npos);
  }
  o.expected_base_url.reset();
  o.bind = "0.0.0.0";
  {
    TestServer srv(o);
    CHECK(srv.log().find("briefcast: warning: listening on 0.0.0.0 without --token") !=
          std::string::npos);
    CHECK(curl("", srv.url("/ep1.vtt")).status == 200);
  }
}

// parse_daily_time and next_daily_run themselves: tests/daily_schedule_test.cpp.
TEST_CASE("serve: daily schedule", "[serve]") {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  int minute_now = tm.tm_hour * 60 + tm.tm_min;
  std::time_t soon = next_daily_run(now, (minute_now + 1) % 1440);
  if (soon - now < 3) {  // too close to the minute to start a server before it: next one
    std::this_thread::sleep_for(std::chrono::seconds(4));
    now = std::time(nullptr);
    localtime_r(&now, &tm);
    minute_now = tm.tm_hour * 60 + tm.tm_min;
    soon = next_daily_run(now, (minute_now + 1) % 1440);
  }
  CHECK(soon > now);
  CHECK(soon <= now + 60);
  std::tm at{};
  localtime_r(&soon, &at);
  CHECK(at.tm_sec == 0);

  // The job runs at the next minute; its exception is logged and the server keeps serving.
  Site site;
  auto o = site.options();
  std::atomic<int> calls{0};
  o.daily_job = [&calls] {
    ++calls;
    throw Error(ExitCode::feed, "feeds/x.json: no articles");
  };
  char hhmm[16];
  std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", at.tm_hour, at.tm_min);
  o.daily_at = hhmm;
  TestServer srv(o);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(75);
  while (calls == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(calls == 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(srv.log().find("briefcast: scheduled job failed: feeds/x.json: no articles") !=
        std::string::npos);
  CHECK(curl("", srv.url("/ep1.vtt")).status == 200);
  CHECK_FALSE(srv.failed());
}

TEST_CASE("serve: the CLI command", "[serve]") {
  TempDir d;
  auto missing = test::run_briefcast({"serve", (d / "nope").string()});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err == "briefcast: '" + (d / "nope").string() + "': folder does not exist\n");

  test::write_file(d / "feed.xml", "<rss/>");
  int port = test::free_port();
  test::ChildProcess server(
      {BRIEFCAST_BINARY, "serve", d.path().string(), "--port", std::to_string(port)}, d / "log");
  std::string startup = "briefcast: serving " + d.path().string() +
                        " at http://127.0.0.1:" + std::to_string(port) +
                        "/feed.xml (Ctrl-C to stop)";
  REQUIRE(test::wait_for_text(d / "log", startup, 10));
  auto r = curl("", "http://127.0.0.1:" + std::to_string(port) + "/feed.xml");
  CHECK(r.status == 200);
  CHECK(r.body == "<rss/>");
  auto busy = test::run_briefcast({"serve", d.path().string(), "--port", std::to_string(port)});
  CHECK(busy.exit_code == 9);
  CHECK(busy.err ==
        "briefcast: cannot listen on 127.0.0.1:" + std::to_string(port) + ": address in use\n");
  CHECK(server.stop(SIGINT, 15) == 130);
  CHECK(test::read_file(d / "log").find("\"GET /feed.xml HTTP/1.1\" 200 6\n") != std::string::npos);
  CHECK(test::run_briefcast({"serve", d.path().string(), "--build-at", "06:00"}).exit_code == 2);
}

TEST_CASE("serve: --bind 0.0.0.0 prints this machine's addresses and checks the feed's base URL",
          "[serve]") {
  TempDir d;
  const std::string token = "Lq3vN8sDw";
  const std::vector<std::string> hosts = reachable_hosts("0.0.0.0", interface_addresses());
  REQUIRE_FALSE(hosts.empty());
  const bool has_lan = !is_loopback_host(hosts[0]);
  // A published folder whose feed names itself at `base` (atom:link rel=self).
  auto publish = [&](const std::string& base) {
    test::write_file(d / "feed.xml",
                     "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" "
                     "xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>t</title>"
                     "<atom:link href=\"" +
                         base +
                         "feed.xml\" rel=\"self\" type=\"application/rss+xml\"/>"
                         "</channel></rss>\n");
  };
  auto serve = [&](const std::string& name, int port) {
    std::string log = (d / name).string();
    {
      test::ChildProcess server({BRIEFCAST_BINARY, "serve", d.path().string(), "--bind", "0.0.0.0",
                                 "--port", std::to_string(port)},
                                log, {"BRIEFCAST_TOKEN=" + token});
      REQUIRE(test::wait_for_text(log, "(Ctrl-C to stop)", 10));
      // Every interface includes loopback.
      CHECK(
          curl("", "http://127.0.0.1:" + std::to_string(port) + "/" + token + "/feed.xml").status ==
          200);
      CHECK(server.stop(SIGINT, 15) == 130);
    }
    return test::read_file(log);
  };

  int port = test::free_port();
  const std::string p = std::to_string(port);
  publish("http://127.0.0.1:" + p + "/" + token + "/");  // the example's loopback base URL
  std::string log = serve("log-1", port);
  std::string urls;
  for (const auto& h : hosts)
    urls += (urls.empty() ? "" : ", ") + ("http://" + host_for_url(h) + ":" + p + "/***/feed.xml");
  CHECK(log.find("briefcast: serving " + d.path().string() + " at " + urls +
                 " (Ctrl-C to stop)\n") != std::string::npos);
  CHECK(log.find("0.0.0.0:") == std::string::npos);  // an address no phone can open
  CHECK(log.find(token) == std::string::npos);
  const std::string warning = "briefcast: warning: feed base URL http://127.0.0.1:" + p +
                              "/***/ does not point at http://" + hosts[0] + ":" + p + "/***/";
  if (has_lan) {
    CHECK(log.find(warning) != std::string::npos);
    CHECK(log.find("(use --base-url http://" + hosts[0] + ":" + p + "/<token>/)\n") !=
          std::string::npos);
  } else {
    WARN("this machine has no LAN address: the loopback base URL is what is served");
    CHECK(log.find("feed base URL") == std::string::npos);
  }
  // Rebuilt for the LAN address: no warning.
  port = test::free_port();
  publish("http://" + host_for_url(hosts[0]) + ":" + std::to_string(port) + "/" + token + "/");
  log = serve("log-2", port);
  CHECK(log.find("feed base URL") == std::string::npos);
  CHECK(log.find("briefcast: warning: listening on 0.0.0.0") == std::string::npos);  // token set
}

TEST_CASE("serve: the token from --token-file or BRIEFCAST_TOKEN, out of ps and the log",
          "[serve]") {
  TempDir d;
  fs::create_directories(d / "out");
  test::write_file(d / "out" / "feed.xml", "<rss/>");
  const std::string secret = "Zq8pLm3Tx", other = "Hv7dKe2Wr";
  test::write_file(d / "token", secret + "\n");
  auto serve = [&](std::vector<std::string> extra, std::vector<std::string> env,
                   const std::string& token) {
    int port = test::free_port();
    std::vector<std::string> argv = {BRIEFCAST_BINARY, "serve", (d / "out").string(), "--port",
                                     std::to_string(port)};
    argv.insert(argv.end(), extra.begin(), extra.end());
    static int run = 0;
    fs::path log = d / ("log-" + std::to_string(++run));
    test::ChildProcess server(argv, log, env);
    REQUIRE(test::wait_for_text(log, "/***/feed.xml (Ctrl-C to stop)", 10));
    std::string base = "http://127.0.0.1:" + std::to_string(port) + "/";
    CHECK(curl("", base + token + "/feed.xml").body == "<rss/>");
    CHECK(curl("", base + "feed.xml").status == 404);
    // Not on the command line every user of the machine can read (ps).
    std::string cmdline = test::read_file("/proc/" + std::to_string(server.pid()) + "/cmdline");
    CHECK(cmdline.find("serve") != std::string::npos);
    CHECK(cmdline.find(token) == std::string::npos);
    CHECK(server.stop(SIGTERM, 15) == 130);
    std::string text = test::read_file(log);
    CHECK(text.find(token) == std::string::npos);
    CHECK(text.find("\"GET /***/feed.xml HTTP/1.1\" 200 6\n") != std::string::npos);
  };
  serve({"--token-file", (d / "token").string()}, {}, secret);
  serve({}, {"BRIEFCAST_TOKEN=" + other}, other);
  // The file wins over the environment.
  serve({"--token-file", (d / "token").string()}, {"BRIEFCAST_TOKEN=" + other}, secret);

  auto both = test::run_briefcast(
      {"serve", (d / "out").string(), "--token", "x", "--token-file", (d / "token").string()});
  CHECK(both.exit_code == 2);
  auto missing =
      test::run_briefcast({"serve", (d / "out").string(), "--token-file", (d / "nope").string()});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err ==
        "briefcast: '" + (d / "nope").string() + "': cannot read: No such file or directory\n");
  test::write_file(d / "blank", " \n\n");
  auto blank =
      test::run_briefcast({"serve", (d / "out").string(), "--token-file", (d / "blank").string()});
  CHECK(blank.exit_code == 3);
  CHECK(blank.err == "briefcast: '" + (d / "blank").string() + "': no token in the file\n");
  test::write_file(d / "two-lines", "abc\ndef\n");
  auto two = test::run_briefcast(
      {"serve", (d / "out").string(), "--token-file", (d / "two-lines").string()});
  CHECK(two.exit_code == 2);
}
