#include "net/http_fetch.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <thread>

#include "base/error.hpp"
#include "support/error_capture.hpp"
#include "support/loopback_server.hpp"

using namespace briefcast;
using namespace std::chrono_literals;
using test::LoopbackServer;

namespace {

// The test servers listen on loopback, which only a LAN source may reach.
FetchOptions lan() {
  FetchOptions o;
  o.allow_private = true;
  return o;
}

std::string error_of(const std::string& url, const FetchOptions& options = lan()) {
  return test::error_message([&] { fetch_url(url, options); }, ExitCode::network);
}

}  // namespace

TEST_CASE("a 200 response gives the body, type, charset and final URL", "[sources]") {
  LoopbackServer s;
  std::string seen_agent;
  s.server.Get("/hello", [&](const httplib::Request& req, httplib::Response& res) {
    seen_agent = req.get_header_value("User-Agent");
    res.set_content("caf\xE9", "text/plain; Charset=\"ISO-8859-1\"");
  });
  s.start();
  FetchResult r = fetch_url(s.url("/hello"), lan());
  CHECK(r.status == 200);
  CHECK_FALSE(r.not_modified);
  CHECK(r.body == "caf\xE9");
  CHECK(r.content_type == "text/plain; Charset=\"ISO-8859-1\"");
  CHECK(r.mime_type == "text/plain");
  CHECK(r.charset == "iso-8859-1");
  CHECK(r.final_url == s.url("/hello"));
  CHECK(seen_agent == "briefcast/" BRIEFCAST_VERSION);
  CHECK(user_agent() == "briefcast/" BRIEFCAST_VERSION);
}

TEST_CASE("HTTP errors name the URL and the status", "[sources]") {
  LoopbackServer s;
  s.server.Get("/gone", [](const httplib::Request&, httplib::Response& res) { res.status = 410; });
  s.start();
  CHECK(error_of(s.url("/missing")) == "'" + s.url("/missing") + "': HTTP 404");
  CHECK(error_of(s.url("/gone")) == "'" + s.url("/gone") + "': HTTP 410");
}

TEST_CASE("redirects are followed up to the limit", "[sources]") {
  LoopbackServer s;
  for (int i = 1; i <= 3; ++i) {
    s.server.Get("/r" + std::to_string(i), [i](const httplib::Request&, httplib::Response& res) {
      res.set_redirect(i == 3 ? "/final" : "r" + std::to_string(i + 1), i == 1 ? 301 : 302);
    });
  }
  s.server.Get("/final", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<rss/>", "application/rss+xml");
  });
  s.server.Get("/to-file", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("file:///etc/passwd");
  });
  s.start();
  FetchResult r = fetch_url(s.url("/r1"), lan());
  CHECK(r.body == "<rss/>");
  CHECK(r.final_url == s.url("/final"));
  FetchOptions two = lan();
  two.max_redirects = 2;
  CHECK(error_of(s.url("/r1"), two) == "'" + s.url("/r1") + "': more than 2 redirects");
  CHECK(error_of(s.url("/to-file")) ==
        "'" + s.url("/to-file") + "': redirected to a URL that is not http or https");
  CHECK(error_of("file:///etc/passwd") == "'file:///etc/passwd': not an http or https URL");
}

TEST_CASE("a slow server times out", "[sources]") {
  LoopbackServer s;
  s.server.Get("/slow", [](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(1500ms);
    res.set_content("late", "text/plain");
  });
  s.start();
  FetchOptions o = lan();
  o.timeout = 300ms;
  auto t0 = std::chrono::steady_clock::now();
  CHECK(error_of(s.url("/slow"), o) == "'" + s.url("/slow") + "': timed out after 0.3 s");
  CHECK(std::chrono::steady_clock::now() - t0 < 1400ms);
}

TEST_CASE("bodies over the size cap are refused", "[sources]") {
  LoopbackServer s;
  const std::string big(100 * 1024, 'x');
  s.server.Get("/big", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(big, "text/plain");
  });
  // Chunked: no Content-Length, so the cap is noticed while reading.
  s.server.Get("/stream", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/plain", [&](size_t offset, httplib::DataSink& sink) {
      if (offset >= big.size()) {
        sink.done();
        return true;
      }
      sink.write(big.data() + offset, std::min<size_t>(8192, big.size() - offset));
      return true;
    });
  });
  s.start();
  FetchOptions o = lan();
  o.max_bytes = 64 * 1024;
  CHECK(error_of(s.url("/big"), o) == "'" + s.url("/big") + "': larger than 64 kB");
  CHECK(error_of(s.url("/stream"), o) == "'" + s.url("/stream") + "': larger than 64 kB");
  CHECK(fetch_url(s.url("/big"), lan()).body.size() == big.size());  // 20 MB default
  o.max_bytes = 20 * 1024 * 1024;
  CHECK(fetch_url(s.url("/stream"), o).body == big);
}

TEST_CASE("remembered validators turn an unchanged resource into a 304", "[sources]") {
  LoopbackServer s;
  std::atomic<int> full_responses{0};
  const std::string last_modified = "Tue, 03 Mar 2026 08:00:00 GMT";
  s.server.Get("/etag", [&](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("If-None-Match") == "\"v1\"") {
      res.status = 304;
      return;
    }
    ++full_responses;
    res.set_header("ETag", "\"v1\"");
    res.set_content("feed body", "application/rss+xml");
  });
  s.server.Get("/dated", [&](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("If-Modified-Since") == last_modified) {
      res.status = 304;
      res.set_header("Last-Modified", last_modified);
      return;
    }
    ++full_responses;
    res.set_header("Last-Modified", last_modified);
    res.set_content("dated body", "text/xml");
  });
  s.start();

  FetchResult first = fetch_url(s.url("/etag"), lan());
  CHECK(first.status == 200);
  CHECK(first.etag == "\"v1\"");
  CHECK(first.last_modified.empty());
  FetchOptions again = lan();
  again.etag = first.etag;
  FetchResult second = fetch_url(s.url("/etag"), again);
  CHECK(second.status == 304);
  CHECK(second.not_modified);
  CHECK(second.body.empty());
  CHECK(second.etag == "\"v1\"");  // kept although the 304 did not repeat it

  FetchResult d1 = fetch_url(s.url("/dated"), lan());
  CHECK(d1.last_modified == last_modified);
  FetchOptions since = lan();
  since.last_modified = d1.last_modified;
  FetchResult d2 = fetch_url(s.url("/dated"), since);
  CHECK(d2.not_modified);
  CHECK(d2.last_modified == last_modified);
  CHECK(full_responses == 2);
}

TEST_CASE("a refused connection is a network error naming the URL", "[sources]") {
  std::string url;
  {
    LoopbackServer s;  // take a port, then close it
    s.start();
    url = s.url("/x");
  }
  std::string message = error_of(url);
  CHECK(message.rfind("'" + url + "': ", 0) == 0);
  CHECK(message.size() > url.size() + 4);
}

namespace {

// The message of the Error a probe throws, checked to be a network error.
std::string probe_error_of(ProbeResult (*probe)(const std::string&, const ProbeOptions&),
                           const std::string& url, const ProbeOptions& options = {}) {
  return test::error_message([&] { probe(url, options); }, ExitCode::network);
}

// An MP3-sized body served at /ep.mp3, /old redirecting to it, /older to /old, and a chunked
// response without Content-Length at /live.
struct ProbeSite {
  LoopbackServer s;
  const std::string audio = std::string(1234, 'a');
  std::string seen_method;
  std::string seen_agent;
  ProbeSite() {
    s.server.Get("/ep.mp3", [this](const httplib::Request& req, httplib::Response& res) {
      seen_method = req.method;
      seen_agent = req.get_header_value("User-Agent");
      res.set_content(audio, "audio/mpeg");
    });
    s.server.Get("/old", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/ep.mp3", 301);
    });
    s.server.Get("/older", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/old", 302);
    });
    s.server.Get("/live", [](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("audio/mpeg", [](size_t, httplib::DataSink& sink) {
        sink.write("abc", 3);
        sink.done();
        return true;
      });
    });
    s.start();
  }
};

}  // namespace

TEST_CASE("a HEAD probe gives the status, Content-Length, type and final URL", "[sources]") {
  ProbeSite site;
  ProbeOptions o;
  o.user_agent = "briefcast/test (validate)";
  ProbeResult r = probe_head(site.s.url("/ep.mp3"), o);
  CHECK(site.seen_method == "HEAD");
  CHECK(site.seen_agent == "briefcast/test (validate)");
  CHECK(r.status == 200);
  REQUIRE(r.content_length);
  CHECK(*r.content_length == 1234);
  CHECK(r.content_type == "audio/mpeg");
  CHECK(r.final_url == site.s.url("/ep.mp3"));
  CHECK(r.body.empty());

  ProbeResult live = probe_head(site.s.url("/live"));
  CHECK(live.status == 200);
  CHECK_FALSE(live.content_length);  // chunked: the server does not know the length
  CHECK(site.seen_agent == "briefcast/test (validate)");
}

TEST_CASE("a HEAD probe of a missing file is HTTP 404 in the validator's words", "[sources]") {
  ProbeSite site;
  const std::string url = site.s.url("/gone.mp3");
  CHECK(probe_error_of(probe_head, url) == "HEAD " + url + ": HTTP 404");
  // What `validate` reports as the item's problem: a std::runtime_error.
  CHECK_THROWS_AS(probe_head(url), std::runtime_error);
}

TEST_CASE("a HEAD probe of a refused connection gives libcurl's message", "[sources]") {
  std::string url;
  std::string port;
  {
    LoopbackServer s;  // take a port, then close it
    s.start();
    url = s.url("/ep.mp3");
    port = url.substr(std::string("http://127.0.0.1:").size());
    port = port.substr(0, port.find('/'));
  }
  std::string message = probe_error_of(probe_head, url);
  CHECK(message.rfind("HEAD " + url + ": ", 0) == 0);
  CHECK(message.find("127.0.0.1 port " + port) != std::string::npos);
  CHECK(probe_error_of(probe_get, url).rfind("'" + url + "': ", 0) == 0);
}

TEST_CASE("a HEAD probe follows redirects up to the limit", "[sources]") {
  ProbeSite site;
  ProbeResult r = probe_head(site.s.url("/older"));
  CHECK(r.status == 200);
  CHECK(r.final_url == site.s.url("/ep.mp3"));
  REQUIRE(r.content_length);
  CHECK(*r.content_length == 1234);  // of the file, not of the redirect responses
  ProbeOptions one;
  one.max_redirects = 1;
  CHECK(probe_error_of(probe_head, site.s.url("/older"), one) ==
        "HEAD " + site.s.url("/older") + ": Maximum (1) redirects followed");
}

TEST_CASE("a GET probe gives the body, errors name the URL as `validate` shows it", "[sources]") {
  ProbeSite site;
  ProbeResult r = probe_get(site.s.url("/old"));
  CHECK(site.seen_method == "GET");
  CHECK(site.seen_agent == "briefcast/" BRIEFCAST_VERSION);
  CHECK(r.status == 200);
  CHECK(r.body == site.audio);
  CHECK(r.content_length == std::optional<std::uint64_t>(1234));
  CHECK(r.final_url == site.s.url("/ep.mp3"));
  CHECK(probe_error_of(probe_get, site.s.url("/missing.xml")) ==
        "'" + site.s.url("/missing.xml") + "': HTTP 404");
  ProbeOptions small;
  small.max_bytes = 1000;
  CHECK(probe_error_of(probe_get, site.s.url("/ep.mp3"), small) ==
        "'" + site.s.url("/ep.mp3") + "': larger than 1000 bytes");
  small.max_bytes = 1234;
  CHECK(probe_get(site.s.url("/ep.mp3"), small).body == site.audio);
}

TEST_CASE("private addresses are refused unless allowed, by name and after redirects",
          "[sources]") {
  LoopbackServer s;
  s.server.Get("/internal/secret", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("The database password is hunter2", "text/plain");
  });
  s.start();
  // Acting as the environment's proxy for a public name: it redirects to the private address.
  LoopbackServer proxy_server;
  proxy_server.server.Get(R"(.*/hop)", [&](const httplib::Request&, httplib::Response& res) {
    res.set_redirect(s.url("/internal/secret"));
  });
  proxy_server.start();
  const std::string refused =
      "refused: 127.0.0.1 is a private address (a LAN source needs \"allow_private\": true)";
  const FetchOptions strict;  // the default
  CHECK_FALSE(strict.allow_private);
  const std::string url = s.url("/internal/secret");
  CHECK(error_of(url, strict) == "'" + url + "': " + refused);
  // The same server by a name that resolves to loopback.
  std::string by_name = url;
  by_name.replace(by_name.find("127.0.0.1"), 9, "localhost");
  CHECK(error_of(by_name, strict).find("is a private address") != std::string::npos);
  // Through a proxy (at an address that is allowed as the proxy's), a public URL redirects to
  // the loopback server, which libcurl reaches directly: refused.
  const std::string proxy = proxy_server.url("");
  ::setenv("http_proxy", proxy.c_str(), 1);
  const std::string hop = "http://news.example/hop";
  const std::string via_proxy = error_of(hop, strict);
  ::unsetenv("http_proxy");
  CHECK(via_proxy == "'" + hop + "': " + refused);
  // A LAN source may.
  CHECK(fetch_url(url, lan()).body == "The database password is hunter2");
}
