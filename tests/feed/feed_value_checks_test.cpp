// The single-field rules of `validate`: URLs, lengths, durations, languages, enclosure paths.
#include "feed/feed_value_checks.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

TEST_CASE("feed values: absolute http(s) URLs as apps fetch them", "[feed]") {
  CHECK(absolute_http("https://news.example.com/ep/1.mp3"));
  CHECK(absolute_http("http://127.0.0.1:8080/feed.xml"));
  CHECK_FALSE(absolute_http("ftp://news.example.com/1.mp3"));
  CHECK_FALSE(absolute_http("https:///path-only"));
  CHECK_FALSE(absolute_http("https://"));
  CHECK_FALSE(absolute_http("https://news.example.com/a b.mp3"));
  CHECK_FALSE(absolute_http("/ep/1.mp3"));
}

TEST_CASE("feed values: enclosure lengths and durations", "[feed]") {
  CHECK(positive_integer("1003") == 1003u);
  CHECK(positive_integer("999999999999999999") == 999999999999999999u);
  CHECK_FALSE(positive_integer("1000000000000000000"));  // 19 digits
  CHECK_FALSE(positive_integer("0"));
  CHECK_FALSE(positive_integer("-1"));
  CHECK_FALSE(positive_integer("1e3"));
  CHECK_FALSE(positive_integer(""));

  CHECK(valid_duration("754"));
  CHECK(valid_duration("12:34"));
  CHECK(valid_duration("1:02:03"));
  CHECK_FALSE(valid_duration("1:2:03"));
  CHECK_FALSE(valid_duration("12:60"));
  CHECK_FALSE(valid_duration("1:02:03:04"));
  CHECK_FALSE(valid_duration("12:"));
  CHECK_FALSE(valid_duration("5 min"));
}

TEST_CASE("feed values: languages", "[feed]") {
  CHECK(valid_language("en"));
  CHECK(valid_language("en-us"));
  CHECK(valid_language("pt-BR"));
  CHECK(valid_language("de-1996"));
  CHECK_FALSE(valid_language("e"));
  CHECK_FALSE(valid_language("english"));
  CHECK_FALSE(valid_language("en_US"));
  CHECK_FALSE(valid_language("en-"));
  CHECK_FALSE(valid_language("en-toolongsubtag"));
}

TEST_CASE("feed values: where an enclosure URL lands under the published folder", "[feed]") {
  const std::string base = "https://h.example/pod/";
  CHECK(local_path("https://h.example/pod/ep/1.mp3", base) == "ep/1.mp3");
  CHECK(local_path("https://h.example/pod/ep/a%20b.mp3?x=1#t", base) == "ep/a b.mp3");
  CHECK(local_path("https://h.example/pod/100%.mp3", base) == "100%.mp3");
  CHECK_FALSE(local_path("https://other.example/pod/ep/1.mp3", base));
  CHECK_FALSE(local_path("https://h.example/pod/", base));
  // Dot segments are resolved (the length check used to be skipped for them); escaping the
  // folder shows as a leading "../".
  CHECK(local_path("https://h.example/pod/ep/../../secret", base) == "../secret");
  CHECK(local_path("https://h.example/pod/%2e%2e/secret", base) == "../secret");
  CHECK(local_path("https://h.example/pod/x/../ep/./1.mp3", base) == "ep/1.mp3");
  CHECK(local_path("https://h.example/pod/.briefcast/cache/a.mp3", base) ==
        ".briefcast/cache/a.mp3");
  CHECK_FALSE(local_path("https://h.example/pod/a%00.mp3", base));
  CHECK_FALSE(local_path("https://h.example/pod/ep/1.mp3", ""));
}
