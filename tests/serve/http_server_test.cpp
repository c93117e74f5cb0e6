// `briefcast serve` over loopback, as podcast apps and curl meet it, for the published files:
// types, lengths, validators, ranges, 304, gzip, what is never served, the show page, files
// renamed during a download and concurrent readers. The server runs in-process on a port the
// kernel picks; requests come from the real curl binary and from a raw socket client.
#include "serve/http_server.hpp"

#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <regex>
#include <sstream>
#include <thread>

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

TEST_CASE("serve: HEAD and GET with exact types, lengths and validators", "[serve]") {
  Site site;
  TestServer srv(site.options());
  struct Expect {
    const char* path;
    const char* type;
    bool cors;
  };
  for (auto e :
       {Expect{"/feed.xml", "application/rss+xml; charset=utf-8", false},
        Expect{"/ep1.mp3", "audio/mpeg", false},
        Expect{"/ep1.vtt", "text/vtt; charset=utf-8", true},
        Expect{"/ep1.srt", "application/x-subrip", true},
        Expect{"/ep1.chapters.json", "application/json+chapters", true},
        Expect{"/ep1.json", "application/json", true},
        Expect{"/ep1.html", "text/html; charset=utf-8", true},
        Expect{"/cover.jpg", "image/jpeg", false}, Expect{"/cover.png", "image/png", false},
        Expect{"/cover.webp", "image/webp", false}, Expect{"/sub/ep2.mp3", "audio/mpeg", false}}) {
    INFO(e.path);
    std::string bytes = test::read_file(site.root / std::string(e.path).substr(1));
    auto head = curl("-I", srv.url(e.path));
    CHECK(head.status == 200);
    CHECK(head.header("content-type") == e.type);
    CHECK(head.header("content-length") == std::to_string(bytes.size()));
    CHECK(head.header("accept-ranges") == "bytes");
    CHECK(head.header("etag").size() > 4);
    CHECK(head.header("last-modified").find(" GMT") != std::string::npos);
    // No body after a HEAD (curl -I would print the headers as its output, so ask raw).
    auto raw_head =
        raw_request(srv.port(), std::string("HEAD ") + e.path +
                                    " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    CHECK(raw_head.status == 200);
    CHECK(raw_head.body.empty());
    CHECK(head.has("access-control-allow-origin") == e.cors);
    auto get = curl("", srv.url(e.path));
    CHECK(get.status == 200);
    CHECK(get.body == bytes);
    CHECK(get.header("content-length") == std::to_string(bytes.size()));
    CHECK(get.header("etag") == head.header("etag"));
    CHECK(get.header("last-modified") == head.header("last-modified"));
    CHECK_FALSE(get.has("content-encoding"));
  }
  // The ETag stays while the bytes stay; a new file renamed over the name gets a new one.
  auto a = curl("-I", srv.url("/ep1.mp3")), b = curl("-I", srv.url("/ep1.mp3"));
  CHECK(a.header("etag") == b.header("etag"));
  test::write_file(site.root / ".ep1.mp3.tmp-x", site.mp3);
  fs::rename(site.root / ".ep1.mp3.tmp-x", site.root / "ep1.mp3");
  CHECK(curl("-I", srv.url("/ep1.mp3")).header("etag") != a.header("etag"));

  // One access-log line per request: method, path, status, bytes, ms.
  CHECK(srv.log().find("\"HEAD /feed.xml HTTP/1.1\" 200 -\n") != std::string::npos);
  CHECK(srv.log().find("\"GET /ep1.mp3 HTTP/1.1\" 200 100000\n") != std::string::npos);
  CHECK(srv.log().find("briefcast: serving " + site.root.string() +
                       " at http://127.0.0.1:" + std::to_string(srv.port()) +
                       "/feed.xml (Ctrl-C to stop)") != std::string::npos);
}

TEST_CASE("serve: byte ranges, 416 and If-Range", "[serve]") {
  Site site;
  TestServer srv(site.options());
  auto url = srv.url("/ep1.mp3");
  const std::size_t size = site.mp3.size();
  auto first = curl("-r 0-0", url);
  CHECK(first.status == 206);
  CHECK(first.body == site.mp3.substr(0, 1));
  CHECK(first.header("content-range") == "bytes 0-0/100000");
  CHECK(first.header("content-length") == "1");
  auto last = curl("-r 99999-99999", url);
  CHECK(last.status == 206);
  CHECK(last.body == site.mp3.substr(size - 1));
  CHECK(last.header("content-range") == "bytes 99999-99999/100000");
  auto suffix = curl("-r -500", url);
  CHECK(suffix.status == 206);
  CHECK(suffix.body == site.mp3.substr(size - 500));
  CHECK(suffix.header("content-range") == "bytes 99500-99999/100000");
  auto open = curl("-r 12345-", url);
  CHECK(open.status == 206);
  CHECK(open.body == site.mp3.substr(12345));
  CHECK(open.header("content-length") == std::to_string(size - 12345));
  auto middle = curl("-r 1000-1999", url);
  CHECK(middle.body == site.mp3.substr(1000, 1000));
  auto beyond = curl("-r 100000-", url);
  CHECK(beyond.status == 416);
  CHECK(beyond.header("content-range") == "bytes */100000");
  CHECK(beyond.body.empty());
  auto beyond2 = curl("-r 200000-300000", url);
  CHECK(beyond2.status == 416);
  // Several ranges: the whole file with 200 (no multipart).
  auto multi = curl("-r 0-1,5-6", url);
  CHECK(multi.status == 200);
  CHECK(multi.body == site.mp3);
  // Malformed Range headers are ignored (RFC 9110 §14.2), not answered with 416.
  auto bad = curl("-H 'Range: bytes=5-2'", url);
  CHECK(bad.status == 200);
  CHECK(bad.body == site.mp3);
  auto bad2 = curl("-H 'Range: bytes=x'", url);
  CHECK(bad2.status == 200);
  CHECK(bad2.body == site.mp3);
  // Positions past 64 bits are numbers past the end of the file, not bad syntax.
  auto to_end = curl("-H 'Range: bytes=0-99999999999999999999999'", url);
  CHECK(to_end.status == 206);
  CHECK(to_end.header("content-range") == "bytes 0-99999/100000");
  CHECK(to_end.body == site.mp3);
  auto past = curl("-H 'Range: bytes=99999999999999999999-'", url);
  CHECK(past.status == 416);
  CHECK(past.header("content-range") == "bytes */100000");
  CHECK(past.body.empty());
  // HEAD with a range.
  auto head = curl("-I -r 10-19", url);
  CHECK(head.status == 206);
  CHECK(head.header("content-length") == "10");

  auto tag = curl("-I", url).header("etag");
  auto lm = curl("-I", url).header("last-modified");
  auto ok = curl("-r 10-19 -H 'If-Range: " + tag + "'", url);
  CHECK(ok.status == 206);
  CHECK(ok.body == site.mp3.substr(10, 10));
  auto stale = curl("-r 10-19 -H 'If-Range: \"stale\"'", url);
  CHECK(stale.status == 200);
  CHECK(stale.body == site.mp3);
  auto by_date = curl("-r 10-19 -H 'If-Range: " + lm + "'", url);
  CHECK(by_date.status == 206);
  auto old_date = curl("-r 10-19 -H 'If-Range: Sun, 06 Nov 1994 08:49:37 GMT'", url);
  CHECK(old_date.status == 200);
  CHECK(old_date.body.size() == size);

  // An empty file: 200 with Content-Length 0; any range is unsatisfiable.
  test::write_file(site.root / "empty.mp3", "");
  auto empty = curl("", srv.url("/empty.mp3"));
  CHECK(empty.status == 200);
  CHECK(empty.header("content-length") == "0");
  CHECK(curl("-r 0-", srv.url("/empty.mp3")).header("content-range") == "bytes */0");
}

TEST_CASE("serve: 304 for If-None-Match and If-Modified-Since", "[serve]") {
  Site site;
  TestServer srv(site.options());
  for (const char* path : {"/feed.xml", "/ep1.mp3"}) {
    INFO(path);
    auto url = srv.url(path);
    auto h = curl("-I", url);
    auto tag = h.header("etag"), lm = h.header("last-modified");
    auto by_tag = curl("-H 'If-None-Match: " + tag + "'", url);
    CHECK(by_tag.status == 304);
    CHECK(by_tag.body.empty());
    CHECK(by_tag.header("etag") == tag);
    auto by_date = curl("-H 'If-Modified-Since: " + lm + "'", url);
    CHECK(by_date.status == 304);
    CHECK(by_date.body.empty());
    CHECK(curl("-H 'If-None-Match: \"other\"'", url).status == 200);
    CHECK(curl("-H 'If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT'", url).status == 200);
    // gPodder sends both: If-None-Match decides.
    CHECK(curl("-H 'If-None-Match: \"other\"' -H 'If-Modified-Since: " + lm + "'", url).status ==
          200);
  }
  // The gzip form has its own ETag, and 304s against it.
  auto gz = curl("--compressed -I", srv.url("/feed.xml"));
  CHECK(gz.header("etag") != curl("-I", srv.url("/feed.xml")).header("etag"));
  CHECK(curl("--compressed -H 'If-None-Match: " + gz.header("etag") + "'", srv.url("/feed.xml"))
            .status == 304);
}

TEST_CASE("serve: gzip only for the feed", "[serve]") {
  Site site;
  TestServer srv(site.options());
  auto feed = curl("-H 'Accept-Encoding: gzip'", srv.url("/feed.xml"));
  CHECK(feed.status == 200);
  CHECK(feed.header("content-encoding") == "gzip");
  CHECK(feed.header("vary") == "Accept-Encoding");
  CHECK(feed.header("content-length") == std::to_string(feed.body.size()));
  CHECK(feed.body.size() < site.feed.size() / 2);
  auto decoded = curl("--compressed", srv.url("/feed.xml"));
  CHECK(decoded.body == site.feed);
  auto plain = curl("", srv.url("/feed.xml"));
  CHECK_FALSE(plain.has("content-encoding"));
  CHECK(plain.body == site.feed);
  CHECK(plain.header("vary") == "Accept-Encoding");
  for (const char* path : {"/ep1.mp3", "/ep1.vtt", "/ep1.html", "/ep1.json"}) {
    INFO(path);
    auto r = curl("-H 'Accept-Encoding: gzip, br'", srv.url(path));
    CHECK(r.status == 200);
    CHECK_FALSE(r.has("content-encoding"));
    CHECK(r.body == test::read_file(site.root / std::string(path).substr(1)));
  }
}

TEST_CASE("serve: nothing outside the root, no temp files, no listings", "[serve]") {
  Site site;
  TestServer srv(site.options());
  int port = srv.port();
  for (const char* path : {"/../secret.mp3",
                           "/sub/../../secret.mp3",
                           "/%2e%2e/secret.mp3",
                           "/%2E%2E/secret.mp3",
                           "/sub/%2e%2e/%2e%2e/secret.mp3",
                           "/sub%2f..%2f..%2fsecret.mp3",
                           "/sub%2F..%2F..%2Fsecret.mp3",
                           "/..%5csecret.mp3",
                           "/..%5Csecret.mp3",
                           "/link-out.mp3",
                           "/dir-out/secret.mp3",
                           "/episodes/x.json",
                           "/.briefcast/state.json",
                           "/.feed.xml.tmp-ab12CD",
                           "/.hidden.mp3",
                           "/%2efeed.xml.tmp-ab12CD",
                           "/ep1.mp3%00.jpg",
                           "/",
                           "/sub/",
                           "/sub",
                           "//feed.xml",
                           "/nonexistent.mp3"}) {
    INFO(path);
    auto r = curl("--path-as-is", srv.url(path));
    CHECK(r.status == 404);
    CHECK(r.body.find("SECRET") == std::string::npos);
    CHECK(r.body.find("half a feed") == std::string::npos);
  }
  // Request lines curl would not send as they are.
  for (const char* target : {"/..\\secret.mp3", "\\..\\secret.mp3", "../secret.mp3",
                             "/sub/..\\..\\secret.mp3", "*", "/ep1.mp3\\"}) {
    INFO(target);
    auto r = raw_get(port, target);
    CHECK(r.status >= 400);
    CHECK(r.status != 403);
    CHECK(r.body.find("SECRET") == std::string::npos);
  }
  auto absolute = raw_get(port, "http://127.0.0.1/" + (site.tmp / "secret.mp3").string());
  CHECK(absolute.status >= 400);
  CHECK(absolute.body.find("SECRET") == std::string::npos);
  // A symlink that stays inside the root is fine.
  CHECK(curl("", srv.url("/link-in.mp3")).body == site.mp3);
  // Only GET, HEAD and OPTIONS.
  CHECK(curl("-X POST -d x=1", srv.url("/feed.xml")).status == 405);
  CHECK(curl("-X DELETE", srv.url("/feed.xml")).status == 405);
  CHECK(test::read_file(site.root / "feed.xml") == site.feed);
}

TEST_CASE("serve: / answers with the show page, other folders are never listed", "[serve]") {
  Site site;
  const std::string page = "<!DOCTYPE html><html><head><title>Show</title></head></html>\n";
  test::write_file(site.root / "index.html", page);
  test::write_file(site.root / "episodes" / "2026-11-02.html", "<p>episode</p>");
  {
    TestServer srv(site.options());
    auto r = curl("", srv.url("/"));
    CHECK(r.status == 200);
    CHECK(r.body == page);
    CHECK(r.header("content-type") == "text/html; charset=utf-8");
    CHECK(r.header("content-length") == std::to_string(page.size()));
    CHECK(curl("", srv.url("/index.html")).body == page);
    auto head = curl("-I", srv.url("/"));
    CHECK(head.status == 200);
    CHECK(head.header("content-length") == std::to_string(page.size()));
    auto again = curl("-H 'If-None-Match: " + r.header("etag") + "'", srv.url("/"));
    CHECK(again.status == 304);
    for (const char* path : {"/episodes/", "/episodes", "/sub/", "/.briefcast/", "//", "/./"}) {
      INFO(path);
      auto no = curl("--path-as-is", srv.url(path));
      CHECK(no.status == 404);
      CHECK(no.body.find("2026-11-02") == std::string::npos);
      CHECK(no.body.find("ep2.mp3") == std::string::npos);
    }
  }
  auto o = site.options();
  o.token = "Rt5uY7iOp";
  TestServer srv(o);
  CHECK(curl("", srv.url("/Rt5uY7iOp/")).body == page);
  CHECK(curl("", srv.url("/")).status == 404);
  CHECK(curl("", srv.url("/Rt5uY7iOp/episodes/")).status == 404);
}

TEST_CASE("serve: --token puts everything under /TOKEN/ and out of the log", "[serve]") {
  Site site;
  auto o = site.options();
  o.token = "k9TfQ2xLw";
  TestServer srv(o);
  auto ok = curl("", srv.url("/k9TfQ2xLw/feed.xml"));
  CHECK(ok.status == 200);
  CHECK(ok.body == site.feed);
  CHECK(curl("", srv.url("/k9TfQ2xLw/ep1.mp3")).body == site.mp3);
  for (const char* path :
       {"/feed.xml", "/ep1.mp3", "/wrong/feed.xml", "/k9TfQ2xL/feed.xml", "/k9TfQ2xLw",
        "/k9TfQ2xLw/", "/k9TfQ2xLw/../feed.xml", "/k9TfQ2xLwX/feed.xml"}) {
    INFO(path);
    auto r = curl("--path-as-is", srv.url(path));
    CHECK(r.status == 404);
  }
  // The token in a query and an Authorization header (as some apps send) are never logged.
  auto authorized =
      curl("-H 'Authorization: Bearer k9TfQ2xLw-bearer' -H 'Cookie: session=k9TfQ2xLw'",
           srv.url("/k9TfQ2xLw/ep1.vtt?token=k9TfQ2xLw&access_token=Pw4secret&v=2"));
  CHECK(authorized.status == 200);
  // A line is written once the library reports the request complete, just after curl has it.
  for (int i = 0; i < 250 && srv.stats().requests < 11; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::string log = srv.log();
  CHECK(log.find("\"GET /***/ep1.vtt?token=***&access_token=***&v=2 HTTP/1.1\" 200 ") !=
        std::string::npos);
  CHECK(log.find("Pw4secret") == std::string::npos);
  CHECK(log.find("Bearer") == std::string::npos);
  // Every request is one line of the common log format, from the loopback client.
  const std::regex clf(
      R"(^127\.0\.0\.1 - - \[\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] "[^"]*" \d{3} (\d+|-)$)");
  std::istringstream lines(log);
  std::size_t access_lines = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("briefcast:", 0) == 0) continue;
    INFO(line);
    CHECK(std::regex_match(line, clf));
    ++access_lines;
  }
  CHECK(access_lines == srv.stats().requests);
  CHECK(access_lines == 11);
  CHECK(log.find("\"GET /***/feed.xml HTTP/1.1\" 200 ") != std::string::npos);
  CHECK(log.find("\"GET /feed.xml HTTP/1.1\" 404 ") != std::string::npos);
  // Not even the startup line carries the secret (a service's log ends up in the journal).
  CHECK(log.find("briefcast: serving " + site.root.string() +
                 " at http://127.0.0.1:" + std::to_string(srv.port()) +
                 "/***/feed.xml (Ctrl-C to stop)") != std::string::npos);
  CHECK(log.find("k9TfQ2xLw") == std::string::npos);
}

TEST_CASE("serve: a file renamed over during a download never mixes bytes", "[serve]") {
  Site site;
  std::string old_bytes = random_bytes(8 << 20, 7), new_bytes = random_bytes(8 << 20, 8);
  test::write_file(site.root / "big.mp3", old_bytes);
  TestServer srv(site.options());
  auto r = raw_request(srv.port(), "GET /big.mp3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                       4096, [&] {
                         test::write_file(site.root / ".big.mp3.tmp-1", new_bytes);
                         fs::rename(site.root / ".big.mp3.tmp-1", site.root / "big.mp3");
                       });
  CHECK(r.status == 200);
  CHECK(r.body.size() == old_bytes.size());
  CHECK(r.body == old_bytes);
  CHECK(curl("", srv.url("/big.mp3")).body == new_bytes);
}

TEST_CASE("serve: 50 concurrent clients reading random ranges", "[serve]") {
  Site site;
  std::string big = random_bytes(1 << 20, 9);
  test::write_file(site.root / "big.mp3", big);
  auto o = site.options();
  o.worker_threads = 8;
  TestServer srv(o);
  constexpr int kClients = 50, kRequests = 20;
  std::atomic<int> good{0}, bad{0};
  std::atomic<std::uint64_t> bytes{0};
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      std::mt19937 rng(static_cast<unsigned>(c));
      for (int i = 0; i < kRequests; ++i) {
        std::size_t a = rng() % big.size(), b = rng() % big.size();
        if (a > b) std::swap(a, b);
        auto r = raw_request(
            srv.port(), "GET /big.mp3 HTTP/1.1\r\nHost: x\r\nRange: bytes=" + std::to_string(a) +
                            "-" + std::to_string(b) + "\r\nConnection: close\r\n\r\n");
        bool ok = r.status == 206 && r.body == big.substr(a, b - a + 1) &&
                  r.header("content-length") == std::to_string(b - a + 1);
        (ok ? good : bad)++;
        bytes += r.body.size();
      }
    });
  }
  for (auto& t : clients) t.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  WARN("load: " << kClients * kRequests << " range requests, " << bytes / (1 << 20) << " MiB in "
                << seconds << " s; most connections open at once " << srv.stats().max_open << ", "
                << srv.stats().worker_threads << " threads");
  CHECK(good == kClients * kRequests);
  CHECK(bad == 0);
  CHECK(srv.stats().max_open >= 2);
  CHECK(srv.stats().timed_out == 0);
  CHECK(srv.stats().evicted == 0);
  CHECK(srv.stats().requests >= static_cast<std::size_t>(kClients * kRequests));
}
