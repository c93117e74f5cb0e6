// The pure HTTP rules of `briefcast serve`: paths, types, ranges, validators, conditions.
#include "serve/http_files.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;
using Kind = RangeRequest::Kind;

TEST_CASE("http files: content types of published files", "[serve]") {
  CHECK(file_type_for("feed.xml")->content_type == "application/rss+xml; charset=utf-8");
  CHECK(file_type_for("feed.xml")->is_feed);
  CHECK(file_type_for("2026-03-03.mp3")->content_type == "audio/mpeg");
  CHECK_FALSE(file_type_for("a.MP3")->is_feed);
  CHECK(file_type_for("a.vtt")->content_type == "text/vtt; charset=utf-8");
  CHECK(file_type_for("a.vtt")->cors);
  CHECK(file_type_for("a.srt")->content_type == "application/x-subrip");
  CHECK(file_type_for("a.srt")->cors);
  CHECK(file_type_for("ep.chapters.json")->content_type == "application/json+chapters");
  CHECK(file_type_for("ep.chapters.json")->cors);
  CHECK(file_type_for("ep.json")->content_type == "application/json");
  CHECK(file_type_for("ep.html")->content_type == "text/html; charset=utf-8");
  CHECK(file_type_for("cover.JPG")->content_type == "image/jpeg");
  CHECK(file_type_for("cover.png")->content_type == "image/png");
  CHECK(file_type_for("cover.webp")->content_type == "image/webp");
  CHECK_FALSE(file_type_for("cover.png")->cors);
  CHECK_FALSE(file_type_for("feed.lock"));
  CHECK_FALSE(file_type_for("Makefile"));
  CHECK_FALSE(file_type_for("run.sh"));
}

TEST_CASE("http files: request paths inside the root only", "[serve]") {
  CHECK(safe_relative_path("/feed.xml", "") == "feed.xml");
  CHECK(safe_relative_path("/episodes/2026%2D03.mp3", "") == "episodes/2026-03.mp3");
  CHECK(safe_relative_path("/with%20space.mp3", "") == "with space.mp3");
  // The served folder itself is the show page; no other folder is answered (no listings).
  CHECK(safe_relative_path("/", "") == "index.html");
  for (const char* bad : {"",
                          "feed.xml",
                          "/../etc/passwd",
                          "/a/../../x",
                          "/%2e%2e/x",
                          "/%2E%2E/x",
                          "/.%2e/x",
                          "/a%2f..%2fb",
                          "/a%2F..%2Fb",
                          "/a%5c..%5cb",
                          "/a\\..\\b",
                          "/a%00.mp3",
                          "/a%0a.mp3",
                          "//etc/passwd",
                          "/a//b.mp3",
                          "/.feed.xml.tmp-abc123",
                          "/.hidden/a.mp3",
                          "/./feed.xml",
                          "/dir/",
                          "/episodes/",
                          "/dir//",
                          "/bad%zz.mp3",
                          "/bad%2.mp3",
                          "/bad%"}) {
    INFO(bad);
    CHECK_FALSE(safe_relative_path(bad, ""));
  }
}

TEST_CASE("http files: token prefix", "[serve]") {
  CHECK(safe_relative_path("/s3cret/feed.xml", "s3cret") == "feed.xml");
  CHECK(safe_relative_path("/s3cr%65t/feed.xml", "s3cret") == "feed.xml");
  CHECK_FALSE(safe_relative_path("/feed.xml", "s3cret"));
  CHECK_FALSE(safe_relative_path("/s3cre/feed.xml", "s3cret"));
  CHECK_FALSE(safe_relative_path("/s3cretX/feed.xml", "s3cret"));
  CHECK_FALSE(safe_relative_path("/s3cret", "s3cret"));
  CHECK(safe_relative_path("/s3cret/", "s3cret") == "index.html");
  CHECK_FALSE(safe_relative_path("/", "s3cret"));
  CHECK_FALSE(safe_relative_path("/s3cret/episodes/", "s3cret"));
  CHECK_FALSE(safe_relative_path("/s3cret/../feed.xml", "s3cret"));
  CHECK(token_matches("s3cret", "s3cret"));
  CHECK_FALSE(token_matches("s3cre", "s3cret"));
  CHECK_FALSE(token_matches(std::string_view("s3cret\0", 7), "s3cret"));
  CHECK_FALSE(token_matches("", "s3cret"));
  CHECK_FALSE(token_matches("S3CRET", "s3cret"));
  CHECK(path_for_log("/s3cret/feed.xml", "s3cret") == "/***/feed.xml");
  CHECK(path_for_log("/s3cr%65t/feed.xml", "s3cret") == "/***/feed.xml");
  CHECK(path_for_log("/x/s3cret", "s3cret") == "/x/***");
  CHECK(path_for_log("/a b\n", "") == "/a%20b%0A");
}

TEST_CASE("http files: single byte ranges", "[serve]") {
  auto r = parse_range("bytes=0-0", 1000);
  CHECK((r.kind == Kind::partial && r.first == 0 && r.last == 0));
  r = parse_range("bytes=999-999", 1000);
  CHECK((r.kind == Kind::partial && r.first == 999 && r.last == 999));
  r = parse_range("bytes=-100", 1000);
  CHECK((r.kind == Kind::partial && r.first == 900 && r.last == 999));
  r = parse_range("bytes=-5000", 1000);
  CHECK((r.kind == Kind::partial && r.first == 0 && r.last == 999));
  r = parse_range("bytes=500-", 1000);
  CHECK((r.kind == Kind::partial && r.first == 500 && r.last == 999));
  r = parse_range("bytes=500-99999", 1000);
  CHECK((r.kind == Kind::partial && r.first == 500 && r.last == 999));
  r = parse_range("Bytes = 1-2", 1000);
  CHECK((r.kind == Kind::partial && r.first == 1 && r.last == 2));
  CHECK(parse_range("bytes=1000-", 1000).kind == Kind::unsatisfiable);
  CHECK(parse_range("bytes=1000-2000", 1000).kind == Kind::unsatisfiable);
  CHECK(parse_range("bytes=-0", 1000).kind == Kind::unsatisfiable);
  CHECK(parse_range("bytes=0-", 0).kind == Kind::unsatisfiable);
  CHECK(parse_range("bytes=-10", 0).kind == Kind::unsatisfiable);
  // Ignored: the whole file with 200.
  CHECK(parse_range("", 1000).kind == Kind::full);
  CHECK(parse_range("bytes=0-1,5-6", 1000).kind == Kind::full);
  CHECK(parse_range("bytes=5-2", 1000).kind == Kind::full);
  CHECK(parse_range("items=0-1", 1000).kind == Kind::full);
  CHECK(parse_range("bytes=a-b", 1000).kind == Kind::full);
  // Positions past 64 bits are numbers past the end, not bad syntax.
  CHECK(parse_range("bytes=99999999999999999999-", 1000).kind == Kind::unsatisfiable);
  CHECK(parse_range("bytes=18446744073709551616-", 1000).kind == Kind::unsatisfiable);
  r = parse_range("bytes=0-99999999999999999999999", 1000);
  CHECK((r.kind == Kind::partial && r.first == 0 && r.last == 999));
  r = parse_range("bytes=10-18446744073709551615", 1000);
  CHECK((r.kind == Kind::partial && r.first == 10 && r.last == 999));
  r = parse_range("bytes=-99999999999999999999999", 1000);
  CHECK((r.kind == Kind::partial && r.first == 0 && r.last == 999));
  CHECK(parse_range("bytes=99999999999999999999-99999999999999999999", 1000).kind ==
        Kind::unsatisfiable);
  CHECK(parse_range("bytes=99999999999999999999-99999999999999999998", 1000).kind ==
        Kind::full);  // last before first: invalid, ignored
  r = parse_range("bytes=0000000000000000000000000005-00000000000000000000000000009", 1000);
  CHECK((r.kind == Kind::partial && r.first == 5 && r.last == 9));
  CHECK(content_range(0, 99, 1234) == "bytes 0-99/1234");
}

TEST_CASE("http files: dates, ETags and conditions", "[serve]") {
  CHECK(http_date(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT");
  CHECK(common_log_time(784111777) == "06/Nov/1994:08:49:37 +0000");
  CHECK(common_log_time(0) == "01/Jan/1970:00:00:00 +0000");
  CHECK(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777);
  CHECK(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT") == 784111777);
  CHECK(parse_http_date("Sun Nov  6 08:49:37 1994") == 784111777);
  CHECK_FALSE(parse_http_date("yesterday"));
  CHECK_FALSE(parse_http_date("Sun, 06 Nov 1994 08:49:37 CET"));

  std::string tag = make_etag(12, 1000, 1700000000123456789);
  CHECK(tag == make_etag(12, 1000, 1700000000123456789));
  CHECK(tag != make_etag(13, 1000, 1700000000123456789));
  CHECK(tag != make_etag(12, 1001, 1700000000123456789));
  CHECK(tag != make_etag(12, 1000, 1700000000123456790));
  CHECK(tag.front() == '"');
  CHECK(tag.back() == '"');

  CHECK(etag_matches_any(tag, tag));
  CHECK(etag_matches_any("\"x\", " + tag, tag));
  CHECK(etag_matches_any("W/" + tag, tag));
  CHECK(etag_matches_any("*", tag));
  CHECK_FALSE(etag_matches_any("\"x\"", tag));

  std::time_t mtime = 784111777;
  CHECK(if_range_allows("", tag, mtime));
  CHECK(if_range_allows(tag, tag, mtime));
  CHECK_FALSE(if_range_allows("\"old\"", tag, mtime));
  CHECK_FALSE(if_range_allows("W/" + tag, tag, mtime));
  CHECK(if_range_allows("Sun, 06 Nov 1994 08:49:37 GMT", tag, mtime));
  CHECK_FALSE(if_range_allows("Sun, 06 Nov 1994 08:49:36 GMT", tag, mtime));

  CHECK(not_modified(tag, "", tag, mtime));
  CHECK_FALSE(not_modified("\"old\"", "", tag, mtime));
  CHECK(not_modified("", "Sun, 06 Nov 1994 08:49:37 GMT", tag, mtime));
  CHECK(not_modified("", "Mon, 07 Nov 1994 08:49:37 GMT", tag, mtime));
  CHECK_FALSE(not_modified("", "Sun, 06 Nov 1994 08:49:36 GMT", tag, mtime));
  // If-None-Match decides when both are sent (gPodder sends both).
  CHECK_FALSE(not_modified("\"old\"", "Sun, 06 Nov 1994 08:49:37 GMT", tag, mtime));
  CHECK_FALSE(not_modified("", "", tag, mtime));

  CHECK(accepts_gzip("gzip, deflate, br"));
  CHECK(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  CHECK_FALSE(accepts_gzip("gzip;q=0"));
  CHECK_FALSE(accepts_gzip("identity"));
  CHECK_FALSE(accepts_gzip(""));
}
