// `briefcast serve` over loopback, as podcast apps and curl meet it: the server runs in-process on
// a port the kernel picks; requests come from the real curl binary and from a raw socket client
// (for request lines curl would normalize, and for the load test).
#include "serve/http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <ctime>
#include <mutex>
#include <random>
#include <regex>
#include <sstream>
#include <thread>

#include "base/error.hpp"
#include "serve/daily_schedule.hpp"
#include "serve/interface_addresses.hpp"
#include "serve/listen_address.hpp"
#include "support/raw_http.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using test::HttpResult;
using test::raw_get;
using test::raw_request;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string random_bytes(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng() & 0xff);
  return s;
}

// The log stream the server writes to, safe to read while the server runs.
class SharedLog : public std::streambuf {
 public:
  std::string text() {
    std::lock_guard<std::mutex> lock(mu_);
    return text_;
  }

 protected:
  int overflow(int c) override {
    if (c != EOF) {
      std::lock_guard<std::mutex> lock(mu_);
      text_ += static_cast<char>(c);
    }
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::lock_guard<std::mutex> lock(mu_);
    text_.append(s, static_cast<std::size_t>(n));
    return n;
  }

 private:
  std::mutex mu_;
  std::string text_;
};

// A server on a kernel-chosen port, running on its own thread until destruction.
class TestServer {
 public:
  explicit TestServer(ServeOptions o) : out_(&log_) {
    o.port = 0;
    token_ = o.token;
    server_ = std::make_unique<HttpServer>(std::move(o), out_);
    port_ = server_->bind();
    thread_ = std::thread([this] {
      try {
        server_->run();
      } catch (...) {
        failed_ = true;
      }
    });
    // Warnings and the startup line are printed by run(): wait for them (bounded).
    for (int i = 0; i < 250 && log_.text().find("(Ctrl-C to stop)") == std::string::npos; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ~TestServer() {
    server_->stop();
    thread_.join();
  }
  int port() const { return port_; }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  std::string log() { return log_.text(); }
  ServeStats stats() const { return server_->stats(); }
  bool failed() const { return failed_; }

 private:
  SharedLog log_;
  std::ostream out_;
  std::string token_;
  std::unique_ptr<HttpServer> server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> failed_{false};
};

// Runs curl with `args` (already shell-safe) against `url`.
HttpResult curl(const std::string& args, const std::string& url) {
  TempDir d;
  std::string cmd = "curl -sS --max-time 20 -D " + (d / "h").string() + " -o " +
                    (d / "b").string() + " " + args + " '" + url + "'";
  auto run = test::run_shell(cmd, 30);
  HttpResult r;
  if (fs::exists(d / "h")) test::parse_head(test::read_file(d / "h"), r);
  if (fs::exists(d / "b")) r.body = test::read_file(d / "b");
  return r;
}

// A published folder: feed, audio, transcripts, chapters, show notes, images, plus files that
// must never be served (temp name, dotfile, a secret next to the root, a symlink out).
struct Site {
  TempDir tmp;
  fs::path root = tmp / "out";
  std::string feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>" +
                     std::string(4000, ' ') + "<title>t</title></channel></rss>\n";
  std::string mp3 = random_bytes(100000, 1);
  Site() {
    fs::create_directories(root / "sub");
    test::write_file(root / "feed.xml", feed);
    test::write_file(root / "ep1.mp3", mp3);
    test::write_file(root / "ep1.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n");
    test::write_file(root / "ep1.srt", "1\n00:00:00,000 --> 00:00:01,000\nHello\n");
    test::write_file(root / "ep1.chapters.json", R"({"version":"1.2.0","chapters":[]})");
    test::write_file(root / "ep1.json", R"({"a":1})");
    test::write_file(root / "ep1.html", "<p>notes</p>");
    test::write_file(root / "cover.jpg", random_bytes(2000, 2));
    test::write_file(root / "cover.png", random_bytes(2000, 3));
    test::write_file(root / "cover.webp", random_bytes(2000, 4));
    test::write_file(root / "sub" / "ep2.mp3", random_bytes(5000, 5));
    test::write_file(root / ".feed.xml.tmp-ab12CD", "half a feed");
    test::write_file(root / ".hidden.mp3", "hidden");
    test::write_file(tmp / "secret.mp3", "SECRET BYTES");
    fs::create_symlink(tmp / "secret.mp3", root / "link-out.mp3");
    fs::create_symlink(tmp.path(), root / "dir-out");
    fs::create_symlink(root / "ep1.mp3", root / "link-in.mp3");
    // What build keeps private, and an innocent name leading into it.
    fs::create_directories(root / ".briefcast");
    fs::create_directories(root / "episodes");
    test::write_file(root / ".briefcast" / "state.json", R"({"SECRET":"state"})");
    fs::create_symlink("../.briefcast/state.json", root / "episodes" / "x.json");
  }
  ServeOptions options() const {
    ServeOptions o;
    o.root = root;
    return o;
  }
};

}  // namespace

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

TEST_CASE("serve: keep-alive request limit per connection", "[serve]") {
  Site site;
  auto o = site.options();
  o.keep_alive_max_requests = 3;
  TestServer srv(o);
  // Requests one after another on one connection: three are answered, then it is closed.
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(s >= 0);
  timeval tv{10, 0};
  ::setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(srv.port()));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  const std::string req = "GET /ep1.vtt HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::size_t body = test::read_file(site.root / "ep1.vtt").size();
  int answered = 0;
  bool closed_by_server = false;
  for (int i = 0; i < 5; ++i) {
    if (::send(s, req.data(), req.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(req.size())) break;
    std::string data;
    char buf[4096];
    while (true) {
      auto end = data.find("\r\n\r\n");
      if (end != std::string::npos && data.size() >= end + 4 + body) break;
      ssize_t n = ::recv(s, buf, sizeof buf, 0);
      if (n <= 0) {
        closed_by_server = true;
        break;
      }
      data.append(buf, static_cast<std::size_t>(n));
    }
    if (data.rfind("HTTP/1.1 200", 0) != 0) break;
    ++answered;
  }
  ::close(s);
  CHECK(answered == 3);
  CHECK(closed_by_server);
  // An oversized header is refused, not served.
  auto huge = raw_get(srv.port(), "/ep1.vtt", "X-Big: " + std::string(20000, 'a') + "\r\n");
  CHECK(huge.status == 431);
}

TEST_CASE("serve: request heads are bounded in fields and bytes (431)", "[serve][hostile]") {
  Site site;
  TestServer srv(site.options());
  auto fields = [](int n) {
    std::string h;
    for (int i = 0; i < n; ++i) h += "X-F" + std::to_string(i) + ": v\r\n";
    return h;
  };
  // Host and Connection are two of the fields.
  auto at_cap = raw_get(srv.port(), "/ep1.vtt", fields(98));
  CHECK(at_cap.status == 200);
  auto too_many = raw_get(srv.port(), "/ep1.vtt", fields(99));
  CHECK(too_many.status == 431);
  CHECK(too_many.header("connection") == "close");
  auto big = raw_get(srv.port(), "/ep1.vtt", "X-Big: " + std::string(9000, 'a') + "\r\n");
  CHECK(big.status == 431);
  auto near = raw_get(srv.port(), "/ep1.vtt", "X-Big: " + std::string(7000, 'a') + "\r\n");
  CHECK(near.status == 200);
  // A flood of header lines is cut short (it would go on for 3,000,000 lines, 96 MB).
  auto flood = test::header_flood(srv.port(), 3000000);
  CHECK(flood.status == 431);
  CHECK(srv.log().find("\"GET /ep1.vtt HTTP/1.1\" 431 -\n") != std::string::npos);
  CHECK(srv.log().find("\"- /feed.xml -\" 431 -\n") != std::string::npos);
  // Still serving.
  CHECK(curl("", srv.url("/feed.xml")).body == site.feed);
}

TEST_CASE("serve: a request head must arrive within the deadline", "[serve][hostile]") {
  Site site;
  auto o = site.options();
  o.request_timeout_s = 1;
  TestServer srv(o);
  // One client drips a header line every 200 ms, another sends nothing at all.
  int drip = test::connect_loopback(srv.port(), 10);
  int idle = test::connect_loopback(srv.port(), 10);
  REQUIRE(drip >= 0);
  REQUIRE(idle >= 0);
  std::string line = "GET /feed.xml HTTP/1.1\r\nHost: x\r\n";
  ::send(drip, line.data(), line.size(), MSG_NOSIGNAL);
  auto t0 = std::chrono::steady_clock::now();
  bool closed = false;
  for (int i = 0; i < 50 && !closed; ++i) {  // 10 s at most
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    std::string h = "X-Drip-" + std::to_string(i) + ": y\r\n";
    closed = ::send(drip, h.data(), h.size(), MSG_NOSIGNAL) <= 0;
    char c;
    if (!closed) closed = ::recv(drip, &c, 1, MSG_DONTWAIT) == 0;
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(closed);
  CHECK(s < 5);  // 1 s deadline, checked every 0.1 s; 5 s leaves room for a loaded machine
  char c;
  timeval tv{5, 0};
  ::setsockopt(idle, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  CHECK(::recv(idle, &c, 1, 0) <= 0);  // closed too, without an answer
  ::close(drip);
  ::close(idle);
  CHECK(srv.stats().timed_out >= 2);
  // The dripper's request is logged without an answer.
  CHECK(srv.log().find("\"- /feed.xml -\" - -\n") != std::string::npos);
  // An honest keep-alive connection is not cut while it sends in time.
  CHECK(curl("", srv.url("/feed.xml")).body == site.feed);
}

TEST_CASE("serve: at the connection cap the longest-waiting connection makes room",
          "[serve][hostile]") {
  Site site;
  auto o = site.options();
  o.max_connections = 16;
  o.request_timeout_s = 60;  // so only the cap closes anything here
  TestServer srv(o);
  std::vector<int> idle;
  for (int i = 0; i < 40; ++i) idle.push_back(test::connect_loopback(srv.port(), 10));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  for (int round = 0; round < 3; ++round) {
    auto r = curl("--max-time 5", srv.url("/feed.xml"));
    CHECK(r.status == 200);
    CHECK(r.body == site.feed);
  }
  CHECK(srv.stats().evicted >= 1);
  CHECK(srv.stats().max_open <= 16);
  for (int fd : idle)
    if (fd >= 0) ::close(fd);
}

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
