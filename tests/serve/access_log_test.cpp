// serve's access log: common log format lines, secrets left out, lines a request cannot forge.
#include "serve/access_log.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <catch2/catch.hpp>
#include <regex>

#include "serve/http_files.hpp"

using namespace briefcast;

namespace {

// The common log format as log tools read it: host ident user [time] "request" status bytes.
const std::regex kClf(
    R"re(^(\S+) (\S+) (\S+) \[(\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4})\] "([^"]*)" (\d{3}|-) (\d+|-)$)re");

AccessLogEntry entry(std::string method, std::string target, int status, std::uint64_t bytes) {
  AccessLogEntry e;
  e.client = "192.168.1.20";
  e.received = 1791640536;  // 2026-10-10 13:55:36 UTC
  e.method = std::move(method);
  e.target = std::move(target);
  e.version = "HTTP/1.1";
  e.status = status;
  e.bytes = bytes;
  return e;
}

}  // namespace

TEST_CASE("access log: common log format", "[serve]") {
  const std::string line = access_log_line(entry("GET", "/feed.xml", 200, 2326), "");
  CHECK(line ==
        R"(192.168.1.20 - - [10/Oct/2026:13:55:36 +0000] "GET /feed.xml HTTP/1.1" 200 2326)");
  std::smatch m;
  REQUIRE(std::regex_match(line, m, kClf));
  CHECK(m[5] == "GET /feed.xml HTTP/1.1");
  // No body (HEAD, 304): "-" bytes, as CLF writes it.
  CHECK(access_log_line(entry("HEAD", "/ep.mp3", 304, 0), "") ==
        R"(192.168.1.20 - - [10/Oct/2026:13:55:36 +0000] "HEAD /ep.mp3 HTTP/1.1" 304 -)");
  // Refused before the head was complete, and ended without any answer.
  AccessLogEntry partial = entry("", "/feed.xml", 0, 0);
  partial.version.clear();
  partial.client.clear();
  CHECK(access_log_line(partial, "") ==
        R"(- - - [10/Oct/2026:13:55:36 +0000] "- /feed.xml -" - -)");
  CHECK(std::regex_match(access_log_line(partial, ""), kClf));
}

TEST_CASE("access log: never the token", "[serve]") {
  AccessLogEntry e = entry("GET", "/s3cr%65t/feed.xml?token=abc123&x=1&API_Key=zz9", 200, 10);
  const std::string line = access_log_line(e, "s3cret");
  CHECK(line.find("s3cr") == std::string::npos);
  CHECK(line.find("abc123") == std::string::npos);
  CHECK(line.find("zz9") == std::string::npos);
  CHECK(line.find("\"GET /***/feed.xml?token=***&x=1&API_Key=*** HTTP/1.1\"") != std::string::npos);
  CHECK(std::regex_match(line, kClf));
  // The token anywhere else in the request, and credential names however they are written.
  CHECK(access_log_line(entry("GET", "/x?q=s3cret", 404, 0), "s3cret").find("q=***") !=
        std::string::npos);
  // Percent-encoded in any later segment or in a query value: hidden too.
  for (const char* target :
       {"/feed.xml/%73%33cret", "/episodes/x%2Ds3cr%65t.mp3", "/x?q=%733cret&r=1", "/a;s%33cret"}) {
    const std::string hidden = access_log_line(entry("GET", target, 404, 0), "s3cret");
    CAPTURE(target, hidden);
    CHECK(hidden.find("***") != std::string::npos);
    CHECK(percent_decoded(hidden).find("s3cret") == std::string::npos);
    CHECK(std::regex_match(hidden, kClf));
  }
  CHECK(access_log_line(entry("GET", "/episodes/2026-11-28.mp3", 200, 1), "s3cret")
            .find("/episodes/2026-11-28.mp3") != std::string::npos);
  CHECK(redact_query("access_token=a&t%6Fken=b&password=c&sig=d&page=2&session_id=e&auth") ==
        "access_token=***&t%6Fken=***&password=***&sig=***&page=2&session_id=***&auth");
  CHECK(redact_query("") == "");
  CHECK(redact_query("a=1&&b=2") == "a=1&&b=2");
}

TEST_CASE("access log: a request cannot forge a line or break the quoted field", "[serve]") {
  AccessLogEntry e =
      entry("GET\n1.2.3.4 - - [x] \"GET / HTTP/1.1\" 200 1", "/a b\"c\\d\r\nX", 400, 0);
  const std::string line = access_log_line(e, "");
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find('\r') == std::string::npos);
  std::smatch m;
  REQUIRE(std::regex_match(line, m, kClf));
  CHECK(m[5] ==
        "GET%0A1.2.3.4%20-%20-%20 /a%20b%22c%5Cd%0D%0AX HTTP/1.1");  // method cut to 16 bytes
  CHECK(m[6] == "400");
  e.version = std::string(40, 'V');
  CHECK(access_log_line(e, "").find(std::string(16, 'V') + "\"") != std::string::npos);
  CHECK(access_log_line(e, "").find(std::string(17, 'V')) == std::string::npos);
}

TEST_CASE("access log: client addresses", "[serve]") {
  sockaddr_in v4{};
  v4.sin_family = AF_INET;
  REQUIRE(inet_pton(AF_INET, "192.0.2.7", &v4.sin_addr) == 1);
  CHECK(numeric_address(reinterpret_cast<sockaddr*>(&v4)) == "192.0.2.7");
  sockaddr_in6 v6{};
  v6.sin6_family = AF_INET6;
  REQUIRE(inet_pton(AF_INET6, "2001:db8::1", &v6.sin6_addr) == 1);
  CHECK(numeric_address(reinterpret_cast<sockaddr*>(&v6)) == "2001:db8::1");
  REQUIRE(inet_pton(AF_INET6, "::ffff:192.0.2.7", &v6.sin6_addr) == 1);
  CHECK(numeric_address(reinterpret_cast<sockaddr*>(&v6)) == "192.0.2.7");
  CHECK(numeric_address(nullptr) == "");
}
