// What serve answers to a request head, without sockets: the caps on the head, the methods,
// and a published file's answer with its body (the HTTP details themselves are in
// file_response_test.cpp; over a real connection in http_server_test.cpp).
#include "serve/request_answer.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "support/test_support.hpp"

using namespace briefcast;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

RequestHead head(const std::string& method, const std::string& target,
                 std::map<std::string, std::string> headers = {}) {
  RequestHead h;
  h.method = method;
  h.target = target;
  h.header_fields = headers.size() + 1;  // and Host
  h.header_bytes = 64;
  h.header = [headers](const char* name) -> std::optional<std::string> {
    auto it = headers.find(name);
    if (it == headers.end()) return std::nullopt;
    return it->second;
  };
  return h;
}

std::string header(const Answer& a, const std::string& name) {
  for (auto& [n, v] : a.headers)
    if (n == name) return v;
  return "";
}

std::string body_of(const Answer& a) {
  std::string out(static_cast<std::size_t>(a.length), '\0');
  std::size_t done = 0;
  while (done < out.size()) {
    ssize_t n = a.body->read(done, out.data() + done, 7);  // odd chunks, as the library asks
    REQUIRE(n > 0);
    done += static_cast<std::size_t>(n);
  }
  CHECK(a.body->read(done, out.data(), 1) == 0);  // never past the length
  return out;
}

}  // namespace

TEST_CASE("request answer: refusals from the head alone", "[serve]") {
  HeadLimits limits{100, 8192};
  CHECK_FALSE(refusal(head("GET", "/feed.xml"), limits));
  CHECK_FALSE(refusal(head("HEAD", "/feed.xml"), limits));
  CHECK_FALSE(refusal(head("OPTIONS", "/feed.xml"), limits));
  auto h = head("GET", "/feed.xml");
  h.header_fields = 100;
  CHECK_FALSE(refusal(h, limits));
  h.header_fields = 101;
  CHECK(refusal(h, limits)->status == 431);
  h = head("GET", "/feed.xml");
  h.header_bytes = 8193;
  CHECK(refusal(h, limits)->status == 431);
  for (const char* m : {"POST", "PUT", "DELETE", "PATCH", "get", "CONNECT"}) {
    INFO(m);
    auto r = refusal(head(m, "/feed.xml"), limits);
    REQUIRE(r);
    CHECK(r->status == 405);
    CHECK(header(*r, "Allow") == "GET, HEAD, OPTIONS");
  }
}

TEST_CASE("request answer: files, 404, OPTIONS, gzip and 304", "[serve]") {
  TempDir d;
  fs::create_directories(d / "out");
  fs::path root = fs::canonical(d / "out");
  std::string feed = "<rss>" + std::string(3000, ' ') + "</rss>";
  test::write_file(root / "feed.xml", feed);
  test::write_file(root / "ep.mp3", "0123456789");
  FeedGzipCache gzip;

  auto whole = answer(head("GET", "/ep.mp3?x=1"), root, "", gzip);
  CHECK(whole.status == 200);
  CHECK(whole.length == 10);
  CHECK(header(whole, "Content-Type") == "audio/mpeg");
  CHECK(header(whole, "Content-Length").empty());  // written by the library from `length`
  CHECK(body_of(whole) == "0123456789");

  auto part = answer(head("GET", "/ep.mp3", {{"Range", "bytes=2-4"}}), root, "", gzip);
  CHECK(part.status == 206);
  CHECK(header(part, "Content-Range") == "bytes 2-4/10");
  CHECK(body_of(part) == "234");

  auto tag = header(whole, "ETag");
  auto same = answer(head("GET", "/ep.mp3", {{"If-None-Match", tag}}), root, "", gzip);
  CHECK(same.status == 304);
  CHECK(same.length == 10);  // what a 200 would carry
  CHECK_FALSE(same.body);

  auto gz = answer(head("GET", "/feed.xml", {{"Accept-Encoding", "gzip"}}), root, "", gzip);
  CHECK(gz.status == 200);
  CHECK(header(gz, "Content-Encoding") == "gzip");
  CHECK(gz.length < feed.size() / 4);
  CHECK(body_of(gz).substr(0, 2) == "\x1f\x8b");

  auto missing = answer(head("GET", "/nope.mp3"), root, "", gzip);
  CHECK(missing.status == 404);
  CHECK(missing.length == 0);
  CHECK_FALSE(missing.body);
  CHECK(answer(head("GET", "/ep.mp3"), root, "s3cret", gzip).status == 404);
  CHECK(answer(head("GET", "/s3cret/ep.mp3"), root, "s3cret", gzip).status == 200);

  auto options = answer(head("OPTIONS", "/ep.mp3"), root, "", gzip);
  CHECK(options.status == 204);
  CHECK(header(options, "Access-Control-Allow-Methods") == "GET, HEAD");
}
