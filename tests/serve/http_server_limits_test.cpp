// `briefcast serve`'s limits over loopback: requests per kept-alive connection, request heads
// bounded in fields and bytes, the deadline for a request head, room made at the connection cap.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "serve/http_server.hpp"
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
