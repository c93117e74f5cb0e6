// The listen address as `briefcast serve` reports it: URL form, loopback and wildcard hosts, the
// two startup warnings (exact texts, token masked), and why a bind fails (real sockets).
#include "serve/listen_address.hpp"

#include <catch2/catch.hpp>
#include <cerrno>

using namespace briefcast;

TEST_CASE("listen address: hosts in URLs, loopback and wildcard", "[serve]") {
  CHECK(host_for_url("127.0.0.1") == "127.0.0.1");
  CHECK(host_for_url("::1") == "[::1]");
  CHECK(host_for_url("myhost.lan") == "myhost.lan");
  CHECK(is_loopback_host("localhost"));
  CHECK(is_loopback_host("127.0.0.1"));
  CHECK(is_loopback_host("127.8.9.10"));
  CHECK(is_loopback_host("::1"));
  CHECK_FALSE(is_loopback_host("0.0.0.0"));
  CHECK_FALSE(is_loopback_host("10.0.0.2"));
  CHECK_FALSE(is_loopback_host("1127.0.0.1"));
  CHECK(is_wildcard_host(""));
  CHECK(is_wildcard_host("0.0.0.0"));
  CHECK(is_wildcard_host("::"));
  CHECK_FALSE(is_wildcard_host("127.0.0.1"));
}

TEST_CASE("listen address: a server anyone can read is warned about", "[serve]") {
  CHECK(open_access_warning("0.0.0.0", "", "/srv/pod") ==
        "listening on 0.0.0.0 without --token: anyone who can reach this machine can read every "
        "file in /srv/pod");
  CHECK(open_access_warning("::", "", "out") ==
        "listening on [::] without --token: anyone who can reach this machine can read every "
        "file in out");
  CHECK_FALSE(open_access_warning("0.0.0.0", "s3cret", "/srv/pod"));
  CHECK_FALSE(open_access_warning("127.0.0.1", "", "/srv/pod"));
  CHECK_FALSE(open_access_warning("localhost", "", "/srv/pod"));
}

TEST_CASE("listen address: the feed's base URL must point where serve listens", "[serve]") {
  CHECK_FALSE(base_url_warning("http://127.0.0.1:8080/", "127.0.0.1", 8080, ""));
  CHECK_FALSE(base_url_warning("http://localhost:8080/pod/", "127.0.0.1", 8080, ""));
  CHECK_FALSE(base_url_warning("HTTP://LOCALHOST:8080/", "127.0.0.1", 8080, ""));
  CHECK_FALSE(base_url_warning("http://myhost.lan:8080/", "0.0.0.0", 8080, ""));
  CHECK_FALSE(base_url_warning("http://127.0.0.1:8080/tok/", "127.0.0.1", 8080, "tok"));
  CHECK_FALSE(base_url_warning("http://[::1]:8080/", "::1", 8080, ""));
  CHECK_FALSE(base_url_warning("http://myhost.lan/", "0.0.0.0", 80, ""));  // default port
  CHECK(base_url_warning("http://x/", "127.0.0.1", 8080, "") ==
        "feed base URL http://x/ does not point at http://127.0.0.1:8080/ where serve listens; "
        "subscribers will not reach the enclosures (use --base-url http://127.0.0.1:8080/)");
  CHECK(base_url_warning("https://pod.example/", "0.0.0.0", 8080, "tok") ==
        "feed base URL https://pod.example/ does not point at http://<this host>:8080/***/ where "
        "serve listens; subscribers will not reach the enclosures (use --base-url "
        "http://<this host>:8080/<token>/)");
  CHECK(base_url_warning("http://127.0.0.1:9090/", "127.0.0.1", 8080, ""));
  CHECK(base_url_warning("https://127.0.0.1:8080/", "127.0.0.1", 8080, ""));
  CHECK(base_url_warning("http://10.0.0.2:8080/", "127.0.0.1", 8080, ""));
  CHECK(base_url_warning("http://127.0.0.1:80a/", "127.0.0.1", 8080, ""));
  CHECK(base_url_warning("http://[::1/", "::1", 8080, ""));
  CHECK(base_url_warning("http://127.0.0.1:8080/", "127.0.0.1", 8080, "tok"));  // no token
  auto w = base_url_warning("http://127.0.0.1:8080/tok2/", "127.0.0.1", 8080, "tok");
  REQUIRE(w);
  CHECK(*w ==
        "feed base URL http://127.0.0.1:8080/***2/ does not point at http://127.0.0.1:8080/***/ "
        "where serve listens; subscribers will not reach the enclosures (use --base-url "
        "http://127.0.0.1:8080/<token>/)");
  CHECK(w->find("tok2") == std::string::npos);  // masked: the token is a prefix of it
}

TEST_CASE("listen address: a wildcard bind checks the base URL against the LAN addresses",
          "[serve]") {
  const std::vector<std::string> lan = {"192.168.1.20", "2001:db8::7"};
  CHECK_FALSE(base_url_warning("http://192.168.1.20:8080/", "0.0.0.0", 8080, "", lan));
  CHECK_FALSE(base_url_warning("http://[2001:DB8:0::7]:8080/", "::", 8080, "", lan));
  CHECK_FALSE(base_url_warning("http://pi.lan:8080/", "0.0.0.0", 8080, "", lan));  // not resolved
  // The example's loopback base URL: other devices would get enclosures at 127.0.0.1.
  CHECK(base_url_warning("http://127.0.0.1:8080/", "0.0.0.0", 8080, "", lan) ==
        "feed base URL http://127.0.0.1:8080/ does not point at http://192.168.1.20:8080/ or "
        "http://[2001:db8::7]:8080/ where serve listens; subscribers will not reach the "
        "enclosures (use --base-url http://192.168.1.20:8080/)");
  CHECK(base_url_warning("http://localhost:8080/", "0.0.0.0", 8080, "", lan));
  CHECK(base_url_warning("http://192.168.1.21:8080/", "0.0.0.0", 8080, "", lan));
  CHECK(base_url_warning("http://192.168.1.20:9000/", "0.0.0.0", 8080, "", lan));
  CHECK(*base_url_warning("http://192.168.1.20:8080/", "0.0.0.0", 8080, "tok", lan) ==
        "feed base URL http://192.168.1.20:8080/ does not point at http://192.168.1.20:8080/***/ "
        "or http://[2001:db8::7]:8080/***/ where serve listens; subscribers will not reach the "
        "enclosures (use --base-url http://192.168.1.20:8080/<token>/)");
  // A machine with loopback only: loopback is what is served.
  CHECK_FALSE(base_url_warning("http://127.0.0.1:8080/", "0.0.0.0", 8080, "", {"127.0.0.1"}));
  CHECK(same_ip_address("2001:DB8::7", "2001:db8:0:0::7"));
  CHECK(same_ip_address("10.0.0.1", "10.0.0.1"));
  CHECK_FALSE(same_ip_address("10.0.0.1", "10.0.0.2"));
  CHECK_FALSE(same_ip_address("pi.lan", "pi.lan"));
}

TEST_CASE("listen address: why a bind fails, in words", "[serve]") {
  CHECK(bind_error_text(EADDRINUSE) == "address in use");
  CHECK(bind_error_text(EADDRNOTAVAIL) == "address not available on this machine");
  CHECK(bind_error_text(EACCES) == "permission denied (ports below 1024 need privileges)");
  CHECK(bind_error_text(EAFNOSUPPORT) == "address family not supported by protocol");
  CHECK(bind_error_text(0) == "cannot bind");
}
