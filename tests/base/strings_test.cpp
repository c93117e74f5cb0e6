#include "base/strings.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

TEST_CASE("ASCII case and space", "[base]") {
  CHECK(lower_ascii("HeLLo Ü 42") == "hello Ü 42");
  CHECK(trim(" \t\v\f\r\nword  word\n") == "word  word");
  CHECK(trim(" \n ").empty());
  CHECK(trim("").empty());
  CHECK(equals_ascii_ci("HTTP", "http"));
  CHECK_FALSE(equals_ascii_ci("http", "https"));
  CHECK(starts_with_ascii_ci("HTTPS://x", "https://"));
  CHECK_FALSE(starts_with_ascii_ci("http", "https://"));
}

TEST_CASE("digits and hex", "[base]") {
  CHECK(is_digit('0'));
  CHECK(is_digit('9'));
  CHECK_FALSE(is_digit('a'));
  CHECK(all_digits("2026"));
  CHECK_FALSE(all_digits(""));
  CHECK_FALSE(all_digits("20 26"));
  CHECK_FALSE(all_digits("٣"));  // Arabic-Indic three is not an ASCII digit
  CHECK(hex_value('0') == 0);
  CHECK(hex_value('f') == 15);
  CHECK(hex_value('B') == 11);
  CHECK(hex_value('g') == -1);
}

TEST_CASE("append_utf8 encodes every length and replaces what is not a scalar value", "[base]") {
  std::string s;
  append_utf8(s, U'A');
  append_utf8(s, U'é');
  append_utf8(s, U'€');
  append_utf8(s, U'😀');
  CHECK(s == "Aé€😀");
  std::string bad;
  append_utf8(bad, 0xD800);
  append_utf8(bad, 0x110000);
  CHECK(bad == "\uFFFD\uFFFD");
}

TEST_CASE("quoted names a path as error messages do", "[base]") {
  CHECK(quoted("out/a b.mp3") == "'out/a b.mp3'");
}

TEST_CASE("escape_html escapes markup and drops what XML forbids", "[base]") {
  CHECK(escape_html("<script>alert('x & \"y\"')</script>") ==
        "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;");
  CHECK(escape_html(std::string("a\x01" "b\tc\nd\x1f", 9)) == "ab\tc\nd");
}
