#include "text/text_encoding.hpp"

#include <catch2/catch.hpp>

using briefcast::is_valid_utf8;
using briefcast::normalize_charset;
using briefcast::repair_utf8;
using briefcast::sniff_html_charset;
using briefcast::to_utf8;
using briefcast::windows_1252_char;

TEST_CASE("charset labels are normalized the way browsers read them", "[html]") {
  CHECK(normalize_charset(" UTF8 ") == "utf-8");
  CHECK(normalize_charset("ISO-8859-1") == "windows-1252");
  CHECK(normalize_charset("latin1") == "windows-1252");
  CHECK(normalize_charset("US-ASCII") == "windows-1252");
  CHECK(normalize_charset("utf-16") == "utf-16le");
  CHECK(normalize_charset("GB2312") == "gb18030");
  CHECK(normalize_charset("KOI8-R") == "koi8-r");
  CHECK(normalize_charset("").empty());
}

TEST_CASE("the charset of a page: BOM, then declared, then meta, then content", "[html]") {
  const std::string meta1252 = "<html><head><meta charset=\"windows-1252\"></head>";
  CHECK(sniff_html_charset(meta1252) == "windows-1252");
  CHECK(sniff_html_charset(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">") ==
        "windows-1252");
  CHECK(sniff_html_charset("<?xml version=\"1.0\" encoding=\"koi8-r\"?><html>") == "koi8-r");
  // A header outranks the document; a byte order mark outranks both.
  CHECK(sniff_html_charset(meta1252, "utf-8") == "utf-8");
  CHECK(sniff_html_charset("\xEF\xBB\xBF" + meta1252, "koi8-r") == "utf-8");
  CHECK(sniff_html_charset("\xFF\xFE<\0h\0", "utf-8") == "utf-16le");
  CHECK(sniff_html_charset(std::string("\xFE\xFF\0<", 4)) == "utf-16be");
  CHECK(sniff_html_charset(std::string("<\0h\0t\0", 6)) == "utf-16le");
  // meta utf-16 in ASCII-readable bytes cannot be true
  CHECK(sniff_html_charset("<meta charset=utf-16>") == "utf-8");
  // no declaration: valid UTF-8 is UTF-8, anything else is windows-1252
  CHECK(sniff_html_charset("<p>caf\xC3\xA9</p>") == "utf-8");
  CHECK(sniff_html_charset("<p>caf\xE9</p>") == "windows-1252");
}

TEST_CASE("single-byte Western pages become UTF-8 with the Windows-1252 extras", "[html]") {
  std::vector<std::string> warnings;
  CHECK(to_utf8("caf\xE9 \x80 5 \x93quoted\x94", "iso-8859-1", &warnings) ==
        "caf\xC3\xA9 \xE2\x82\xAC 5 \xE2\x80\x9Cquoted\xE2\x80\x9D");
  CHECK(warnings.empty());
}

TEST_CASE("UTF-16 in both byte orders, with and without a mark", "[html]") {
  std::vector<std::string> warnings;
  const std::string le("\xFF\xFEh\0\xE9\0", 6);
  CHECK(to_utf8(le, "", &warnings) == "h\xC3\xA9");
  CHECK(to_utf8(std::string("\0h\0\xE9", 4), "utf-16be", &warnings) == "h\xC3\xA9");
  // the mark wins over a wrong label
  CHECK(to_utf8(std::string("\xFE\xFF\0h", 4), "utf-16le", &warnings) == "h");
  CHECK(warnings.empty());
}

TEST_CASE("invalid bytes are repaired with a warning, never a failure", "[html]") {
  std::vector<std::string> warnings;
  // invalid UTF-8: each bad byte read as windows-1252
  const std::string fixed = to_utf8("ok \x93hi\x94 \xC3\xA9", "utf-8", &warnings);
  CHECK(fixed == "ok \xE2\x80\x9Chi\xE2\x80\x9D \xC3\xA9");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("2 byte(s)") != std::string::npos);

  // a lone surrogate and a dangling byte in UTF-16: U+FFFD each
  warnings.clear();
  const std::string bad16(
      "a\0\x00\xD8"
      "b\0"
      "c",
      7);
  const std::string out = to_utf8(bad16, "utf-16le", &warnings);
  CHECK(is_valid_utf8(out));
  CHECK(out.find("a") == 0);
  CHECK(out.find("\xEF\xBF\xBD") != std::string::npos);
  CHECK(out.find("b") != std::string::npos);
  CHECK(warnings.size() == 1);

  // an unknown charset is read as UTF-8
  warnings.clear();
  CHECK(to_utf8("plain", "x-no-such-charset", &warnings) == "plain");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("unknown charset") != std::string::npos);

  // no warnings list: still no crash
  CHECK(is_valid_utf8(to_utf8("\xFF\xFE\xFD", "utf-8", nullptr)));
}

TEST_CASE("other charsets go through iconv", "[html]") {
  std::vector<std::string> warnings;
  // "мир" in KOI8-R and in windows-1251
  CHECK(to_utf8("\xCD\xC9\xD2", "koi8-r", &warnings) == "\xD0\xBC\xD0\xB8\xD1\x80");
  CHECK(to_utf8("\xEC\xE8\xF0", "windows-1251", &warnings) == "\xD0\xBC\xD0\xB8\xD1\x80");
  // "日本" in Shift_JIS
  CHECK(to_utf8("\x93\xFA\x96\x7B", "shift_jis", &warnings) == "\xE6\x97\xA5\xE6\x9C\xAC");
  CHECK(warnings.empty());
}

TEST_CASE("UTF-8 validation rejects overlongs, surrogates and truncation", "[html]") {
  CHECK(is_valid_utf8("h\xC3\xA9 \xF0\x9F\x98\x80"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
}

TEST_CASE("repair_utf8 reads bad bytes as Windows-1252, undefined ones as C1 controls", "[html]") {
  std::size_t repaired = 0;
  CHECK(repair_utf8("ok \x80 \x93hi\x94 \xC3\xA9 \xFF", &repaired) ==
        "ok \u20AC \u201Chi\u201D \u00E9 \u00FF");
  CHECK(repaired == 4);
  // 0x81 0x8D 0x8F 0x90 0x9D: undefined in Windows-1252, read as WHATWG and Windows do.
  CHECK(repair_utf8("\x81\x8D\x8F\x90\x9D", &repaired) ==
        "\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D");
  CHECK(repaired == 9);  // added to what was there
  CHECK(repair_utf8("caf\xC3\xA9 \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xF0\x9F\x98\x80");
  CHECK(repair_utf8("\xED\xA0\x80") == "\u00ED\u00A0\u20AC");  // a surrogate is not UTF-8
  CHECK(repair_utf8("\xE2\x82") == "\u00E2\u201A");            // nor a truncated sequence
  CHECK(repair_utf8("") == "");
}

TEST_CASE("windows_1252_char maps the extras, the holes and Latin-1", "[html]") {
  CHECK(windows_1252_char(0x80) == U'\u20AC');
  CHECK(windows_1252_char(0x9F) == U'\u0178');
  CHECK(windows_1252_char(0x81) == char32_t{0x81});
  CHECK(windows_1252_char(0x9D) == char32_t{0x9D});
  CHECK(windows_1252_char(0xE9) == U'\u00E9');
  CHECK(windows_1252_char('a') == U'a');
  // A page declared windows-1252 decodes the same way.
  CHECK(to_utf8("\x81\x80", "windows-1252", nullptr) == "\xC2\x81\u20AC");
}
