#include "base/strings.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

TEST_CASE("ASCII case and space", "[base]") {
  CHECK(lower_ascii("HeLLo Ü 42") == "hello Ü 42");
  CHECK(upper_ascii("HeLLo ü 42") == "HELLO ü 42");
  CHECK(trim(" \t\v\f\r\nword  word\n") == "word  word");
  CHECK(trim(" \n ").empty());
  CHECK(trim("").empty());
  CHECK(trim(" \tbytes=0-1\f ", " \t") == "bytes=0-1\f");  // HTTP's optional whitespace only
  CHECK(trim("\r\n", " \t\r") == "\n");
  CHECK(equals_ascii_ci("HTTP", "http"));
  CHECK_FALSE(equals_ascii_ci("http", "https"));
  CHECK(starts_with_ascii_ci("HTTPS://x", "https://"));
  CHECK_FALSE(starts_with_ascii_ci("http", "https://"));
}

TEST_CASE("split_words and fold_space cut at every kind of ASCII space", "[base]") {
  using V = std::vector<std::string_view>;
  CHECK(split_words("  one\ttwo\n\nthree\v\f\rfour ") == V{"one", "two", "three", "four"});
  CHECK(split_words(" \n ").empty());
  CHECK(split_words("").empty());
  std::string_view s = "a  b";
  CHECK(split_words(s)[1].data() == s.data() + 3);  // views into the input
  CHECK(fold_space("\t Hello,\n\n  world \r\n") == "Hello, world");
  CHECK(fold_space("caf\xC3\xA9\xC2\xA0ok") ==
        "caf\xC3\xA9\xC2\xA0ok");  // no-break space is no ASCII space
  CHECK(fold_space("   ").empty());
}

TEST_CASE("ASCII letter and digit classes", "[base]") {
  CHECK(is_upper_ascii('A'));
  CHECK_FALSE(is_upper_ascii('a'));
  CHECK(is_lower_ascii('z'));
  CHECK_FALSE(is_lower_ascii('Z'));
  CHECK(is_alpha_ascii('q'));
  CHECK_FALSE(is_alpha_ascii('\xC3'));  // the first byte of "é" is no letter by itself
  CHECK(is_alnum_ascii('7'));
  CHECK_FALSE(is_alnum_ascii('_'));
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

TEST_CASE("code points of UTF-8 text", "[base]") {
  CHECK(count_code_points("caf\xC3\xA9 \xF0\x9F\x98\x80") == 6);
  CHECK(count_code_points("") == 0);
  CHECK(is_utf8_continuation('\xA9'));
  CHECK_FALSE(is_utf8_continuation('\xC3'));
  CHECK_FALSE(is_utf8_continuation('a'));
}

TEST_CASE("quoted names a path as error messages do", "[base]") {
  CHECK(quoted("out/a b.mp3") == "'out/a b.mp3'");
}

TEST_CASE("escape_html escapes markup and drops what XML forbids", "[base]") {
  CHECK(escape_html("<script>alert('x & \"y\"')</script>") ==
        "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;");
  CHECK(escape_html(std::string("a\x01"
                                "b\tc\nd\x1f",
                                9)) == "ab\tc\nd");
}

TEST_CASE("xml_safe_text drops what XML 1.0 forbids and repairs invalid UTF-8", "[base]") {
  CHECK(xml_safe_text("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x93\xB0") ==
        "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x93\xB0");
  CHECK(xml_safe_text("a\xEF\xBF\xBE"
                      "b\xEF\xBF\xBF"
                      "c") == "abc");  // U+FFFE, U+FFFF
  CHECK(xml_safe_text("a\xED\xA0\x80"
                      "b") == "ab");  // an encoded surrogate
  CHECK(xml_safe_text(std::string("a\0b\x1b\tc", 6)) == "ab\tc");
  CHECK(xml_safe_text("a\xFF"
                      "b") ==
        "a\xEF\xBF\xBD"
        "b");                                                      // not UTF-8
  CHECK(xml_safe_text("a\xC3") == "a\xEF\xBF\xBD");                // cut short
  CHECK(xml_safe_text("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong
  CHECK(escape_xml("x\xEF\xBF\xBF<") == "x&lt;");
}

TEST_CASE("is_xml_byte refuses only the C0 controls XML 1.0 forbids", "[base]") {
  CHECK(is_xml_byte('a'));
  CHECK(is_xml_byte('\t'));
  CHECK(is_xml_byte('\n'));
  CHECK(is_xml_byte('\r'));
  CHECK(is_xml_byte('\xC3'));
  CHECK_FALSE(is_xml_byte('\0'));
  CHECK_FALSE(is_xml_byte('\x1f'));
}

TEST_CASE("escape_xml differs from escape_html only in the apostrophe", "[base]") {
  CHECK(escape_xml("Today's <b> & \"more\"") == "Today&apos;s &lt;b&gt; &amp; &quot;more&quot;");
  CHECK(escape_xml(std::string("a\x0b"
                               "b",
                               3)) == "ab");
}

TEST_CASE("clock_time reads whole seconds as a clock", "[base]") {
  CHECK(clock_time(0) == "0:00");
  CHECK(clock_time(59) == "0:59");
  CHECK(clock_time(600) == "10:00");
  CHECK(clock_time(3599) == "59:59");
  CHECK(clock_time(3600) == "1:00:00");
  CHECK(clock_time(36061) == "10:01:01");
  CHECK(clock_time(-5) == "0:00");
}
