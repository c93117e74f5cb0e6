// mhd_exchange: a request head read from, and answers queued on, a real libmicrohttpd daemon on
// loopback, fetched with a raw HTTP client.
#include "serve/mhd_exchange.hpp"

#include <microhttpd.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "support/raw_http.hpp"

using namespace briefcast;

namespace {

// What the handler saw of the last request, and the bytes it reported sent.
struct Seen {
  std::string method, target, agent;
  std::size_t fields = 0, header_bytes = 0;
  std::uint64_t sent = 0;  // written by the daemon's thread before the client sees the end
};

MHD_Result handle(void* cls, MHD_Connection* c, const char* url, const char* method, const char*,
                  const char*, std::size_t*, void** req_cls) {
  if (*req_cls == nullptr) {  // first call: the head is complete, no answer yet
    *req_cls = cls;
    return MHD_YES;
  }
  auto& seen = *static_cast<Seen*>(cls);
  RequestHead head = connection_head(c, method, url);
  seen.method = head.method;
  seen.target = head.target;
  seen.fields = head.header_fields;
  seen.header_bytes = head.header_bytes;
  seen.agent = head.header("User-Agent").value_or("(none)");
  Answer a;
  a.headers.emplace_back("Content-Type", "text/plain");
  const std::string path = url;
  if (path == "/hello") {
    AnswerBody body;
    body.bytes = std::make_shared<const std::string>("hello, " + seen.agent);
    body.length = body.bytes->size();
    a.length = body.length;
    a.body = body;
  } else if (path == "/not-modified") {
    a.status = 304;
    a.length = 1234;  // what a 200 would carry; no body
  } else if (path == "/short") {
    AnswerBody body;  // announces more than it has: the connection is cut, never padded
    body.bytes = std::make_shared<const std::string>("only this");
    body.length = 100;
    a.length = 100;
    a.body = body;
  } else {
    a.status = 404;
  }
  return queue_answer(c, std::move(a), &seen.sent) ? MHD_YES : MHD_NO;
}

struct Daemon {
  MHD_Daemon* d = nullptr;
  explicit Daemon(Seen& seen) {
    d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, nullptr, nullptr,
                         &handle, &seen, MHD_OPTION_SOCK_ADDR, nullptr, MHD_OPTION_END);
  }
  ~Daemon() {
    if (d) MHD_stop_daemon(d);
  }
  int port() const { return MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT)->port; }
};

}  // namespace

TEST_CASE("mhd exchange: the head as sent and a body counted as it goes out", "[serve]") {
  Seen seen;
  Daemon daemon(seen);
  REQUIRE(daemon.d != nullptr);
  auto r = test::raw_get(daemon.port(), "/hello", "User-Agent: gPodder/3.11\r\nX-One: 1\r\n");
  CHECK(r.status == 200);
  CHECK(r.body == "hello, gPodder/3.11");
  CHECK(r.header("content-length") == std::to_string(r.body.size()));
  CHECK(seen.method == "GET");
  CHECK(seen.target == "/hello");
  CHECK(seen.fields >= 4);  // Host, Connection, User-Agent, X-One
  CHECK(seen.header_bytes > 40);
  CHECK(seen.sent == r.body.size());

  seen.sent = 0;
  auto head = test::raw_request(daemon.port(),
                                "HEAD /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  CHECK(head.status == 200);
  CHECK(head.body.empty());
  CHECK(head.header("content-length") == "13");  // "hello, (none)": announced, not sent
  CHECK(seen.sent == 0);
}

TEST_CASE("mhd exchange: a 304 announces the length without a body, a short body cuts the link",
          "[serve]") {
  Seen seen;
  Daemon daemon(seen);
  REQUIRE(daemon.d != nullptr);
  auto r = test::raw_get(daemon.port(), "/not-modified");
  CHECK(r.status == 304);
  CHECK(r.body.empty());
  CHECK(seen.sent == 0);

  auto cut = test::raw_get(daemon.port(), "/short");
  CHECK(cut.status == 200);
  CHECK(cut.header("content-length") == "100");
  CHECK(cut.body.size() < 100);  // never padded to the promised length

  CHECK(test::raw_get(daemon.port(), "/missing").status == 404);
}
