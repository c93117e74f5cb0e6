#include "net/url_tools.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

TEST_CASE("split_url and join_url round-trip the components", "[sources]") {
  UrlParts p = split_url("HTTPS://user:pw@Example.COM:8443/a/b.html?x=1&y=2#top");
  CHECK(p.scheme == "HTTPS");
  CHECK(p.userinfo == "user:pw");
  CHECK(p.host == "Example.COM");
  CHECK(p.port == "8443");
  CHECK(p.path == "/a/b.html");
  CHECK(p.query == "x=1&y=2");
  CHECK(p.fragment == "top");
  CHECK(join_url(p) == "HTTPS://user:pw@Example.COM:8443/a/b.html?x=1&y=2#top");
  UrlParts v6 = split_url("http://[::1]:8080/");
  CHECK(v6.host == "[::1]");
  CHECK(v6.port == "8080");
  UrlParts rel = split_url("../x?q");
  CHECK(rel.scheme.empty());
  CHECK_FALSE(rel.has_authority);
  CHECK(rel.path == "../x");
  CHECK(rel.query == "q");
}

TEST_CASE("is_http_url accepts only absolute http(s) URLs with a host", "[sources]") {
  CHECK(is_http_url("http://example.com"));
  CHECK(is_http_url("HTTPS://example.com/x"));
  CHECK(is_http_url("HTTP://host/feed.xml"));
  CHECK(is_http_url("hTtPs://host"));
  CHECK(is_http_url(" https://example.com/x "));
  CHECK_FALSE(is_http_url("ftp://example.com/"));
  CHECK_FALSE(is_http_url("file:///etc/passwd"));
  CHECK_FALSE(is_http_url("http:///path"));
  CHECK_FALSE(is_http_url("/relative/path"));
  CHECK_FALSE(is_http_url("mailto:a@example.com"));
  CHECK_FALSE(is_http_url("https://"));
  CHECK_FALSE(is_http_url("httpx://example.com"));
  CHECK_FALSE(is_http_url("example.com/http://x"));
}

TEST_CASE("resolve_url follows RFC 3986 section 5.4", "[sources]") {
  const std::string base = "http://a/b/c/d;p?q";
  // Normal examples (5.4.1)
  CHECK(resolve_url(base, "g:h") == "g:h");
  CHECK(resolve_url(base, "g") == "http://a/b/c/g");
  CHECK(resolve_url(base, "./g") == "http://a/b/c/g");
  CHECK(resolve_url(base, "g/") == "http://a/b/c/g/");
  CHECK(resolve_url(base, "/g") == "http://a/g");
  CHECK(resolve_url(base, "//g") == "http://g");
  CHECK(resolve_url(base, "?y") == "http://a/b/c/d;p?y");
  CHECK(resolve_url(base, "g?y") == "http://a/b/c/g?y");
  CHECK(resolve_url(base, "#s") == "http://a/b/c/d;p?q#s");
  CHECK(resolve_url(base, "g#s") == "http://a/b/c/g#s");
  CHECK(resolve_url(base, ";x") == "http://a/b/c/;x");
  CHECK(resolve_url(base, "") == "http://a/b/c/d;p?q");
  CHECK(resolve_url(base, ".") == "http://a/b/c/");
  CHECK(resolve_url(base, "..") == "http://a/b/");
  CHECK(resolve_url(base, "../g") == "http://a/b/g");
  CHECK(resolve_url(base, "../..") == "http://a/");
  CHECK(resolve_url(base, "../../g") == "http://a/g");
  // Abnormal examples (5.4.2)
  CHECK(resolve_url(base, "../../../g") == "http://a/g");
  CHECK(resolve_url(base, "/./g") == "http://a/g");
  CHECK(resolve_url(base, "/../g") == "http://a/g");
  CHECK(resolve_url(base, "g.") == "http://a/b/c/g.");
  CHECK(resolve_url(base, "..g") == "http://a/b/c/..g");
  CHECK(resolve_url(base, "./../g") == "http://a/b/g");
  CHECK(resolve_url(base, "g/./h") == "http://a/b/c/g/h");
  CHECK(resolve_url(base, "g/../h") == "http://a/b/c/h");
  CHECK(resolve_url(base, "g;x=1/../y") == "http://a/b/c/y");
  CHECK(resolve_url(base, "g?y/./x") == "http://a/b/c/g?y/./x");
  CHECK(resolve_url(base, "g#s/../x") == "http://a/b/c/g#s/../x");
}

TEST_CASE("resolve_url handles what feeds contain", "[sources]") {
  CHECK(resolve_url("https://news.example/feed.xml", "  /2026/03/story.html\n") ==
        "https://news.example/2026/03/story.html");
  CHECK(resolve_url("https://news.example", "story") == "https://news.example/story");
  CHECK(resolve_url("", "story.html") == "story.html");
  CHECK(resolve_url("https://a.example/x/", "https://b.example/y/../z") == "https://b.example/z");
}

TEST_CASE("normalize_url_for_dedupe maps variants of one story to one key", "[sources]") {
  const std::string key = "https://example.com/news/story?id=7";
  CHECK(normalize_url_for_dedupe("https://example.com/news/story?id=7") == key);
  CHECK(normalize_url_for_dedupe("HTTP://WWW.Example.COM:80/news/story/?id=7#comments") == key);
  CHECK(normalize_url_for_dedupe(
            "https://www.example.com:443/news/story?utm_source=rss&id=7&utm_medium=feed") == key);
  CHECK(normalize_url_for_dedupe("https://example.com/news/story?fbclid=abc&id=7&gclid=x") == key);
  CHECK(normalize_url_for_dedupe("https://example.com/news/./story?id=%37") == key);
  CHECK(normalize_url_for_dedupe("https://example.com/a?b=2&a=1") ==
        "https://example.com/a?a=1&b=2");
  CHECK(normalize_url_for_dedupe("https://example.com/?utm_campaign=x") == "https://example.com");
  CHECK(normalize_url_for_dedupe("https://example.com/caf%c3%a9") ==
        "https://example.com/caf%C3%A9");
  CHECK(normalize_url_for_dedupe("https://example.com:8080/x") == "https://example.com:8080/x");
  CHECK(normalize_url_for_dedupe("https://example.com/x") !=
        normalize_url_for_dedupe("https://example.com/y"));
  CHECK(normalize_url_for_dedupe(" urn:uuid:1234 ") == "urn:uuid:1234");
}
