#include "text/unicode_text.hpp"

#include <catch2/catch.hpp>

using briefcast::starts_with_uppercase;
using briefcast::tidy_unicode;

TEST_CASE("tidy: curly quotes, primes and guillemets become straight", "[text]") {
  CHECK(tidy_unicode("\u201CIt\u2019s fine,\u201D she said \u2018twice\u2019.") ==
        "\"It's fine,\" she said 'twice'.");
  CHECK(tidy_unicode("\u00ABBonjour\u00BB") == "\"Bonjour\"");
}

TEST_CASE("tidy: dashes become ranges, hyphens or pauses", "[text]") {
  CHECK(tidy_unicode("in 2010\u20132015") == "in 2010-2015");
  CHECK(tidy_unicode("pages 4 \u2013 9") == "pages 4-9");
  CHECK(tidy_unicode("the London\u2013Paris train") == "the London-Paris train");
  CHECK(tidy_unicode("He came\u2014and left") == "He came, and left");
  CHECK(tidy_unicode("He came \u2014 and left") == "He came, and left");
  CHECK(tidy_unicode("He came \u2013 and left") == "He came, and left");
  CHECK(tidy_unicode("\u2014Who?\u2014 he asked\u2014") == "Who? he asked");
  CHECK(tidy_unicode("a\u2010b \u22125") == "a-b -5");
}

TEST_CASE("tidy: ellipsis becomes three dots", "[text]") {
  CHECK(tidy_unicode("Wait\u2026 what") == "Wait... what");
}

TEST_CASE("tidy: odd spaces become spaces, invisible characters vanish", "[text]") {
  CHECK(tidy_unicode("10\u00A0km\u2009away\u202Fnow\u3000ok") == "10 km away now ok");
  CHECK(tidy_unicode("zero\u200Bwidth\uFEFF join\u200Der") == "zerowidth joiner");
  CHECK(tidy_unicode("co\u00ADop\u00ADer\u00ADa\u00ADtion") == "cooperation");
}

TEST_CASE("tidy: bullets, arrows, emoji and trade marks are removed", "[text]") {
  CHECK(tidy_unicode("\u2022 First \u25AA second \u00B7 third") == "First second third");
  CHECK(tidy_unicode("Great news \U0001F389\U0001F44D\U0001F3FD!") == "Great news!");
  CHECK(tidy_unicode("Go \u2192 here \u2764\uFE0F \u2B50") == "Go here");
  CHECK(tidy_unicode("Acme\u2122 and Foo\u00AE") == "Acme and Foo");
  CHECK(
      tidy_unicode("family \U0001F468\u200D\U0001F469\u200D\U0001F467 flag \U0001F1EB\U0001F1F7") ==
      "family flag");
  CHECK(tidy_unicode("\u00A9 2024 Acme") == "\u00A9 2024 Acme");          // read as "copyright"
  CHECK(tidy_unicode("col\u00B7lecci\u00F3") == "col\u00B7lecci\u00F3");  // Catalan middle dot
}

TEST_CASE("tidy: HTML character references are decoded", "[text]") {
  CHECK(tidy_unicode("Tom &amp; Jerry&nbsp;&lt;3 &quot;hi&quot;") == "Tom & Jerry <3 \"hi\"");
  CHECK(tidy_unicode("It&#8217;s &#x201C;ok&#x201D;") == "It's \"ok\"");
  CHECK(tidy_unicode("caf&eacute; &Eacute;lan na&iuml;ve") == "caf\u00E9 \u00C9lan na\u00EFve");
  CHECK(tidy_unicode("&#151; and &#146;") == "and '");  // Windows-1252 reading
  CHECK(tidy_unicode("a &mdash; b &hellip;") == "a, b ...");
  CHECK(tidy_unicode("AT&T &unknown; &#0; &#xZZ; & done") == "AT&T &unknown; &#0; &#xZZ; & done");
}

TEST_CASE("tidy: NFC composition", "[text]") {
  CHECK(tidy_unicode("cafe\u0301") == "caf\u00E9");
  CHECK(tidy_unicode("\uFB01ne \uFB02ow \uFF21\uFF22\uFF43") == "fine flow ABc");
}

TEST_CASE("tidy: control characters and invalid bytes are removed, whitespace folded", "[text]") {
  CHECK(tidy_unicode("a\x01\x7F b\tc\r\n\n d  ") == "a b c d");
  CHECK(tidy_unicode(std::string("ok\xFF\xC3 fine\0x", 11)) == "ok finex");
  CHECK(tidy_unicode("") == "");
  CHECK(tidy_unicode(" \u00A0 \u200B ") == "");
  CHECK(tidy_unicode("\xC2\x85next\xC2\x9F") == "next");
}

TEST_CASE("starts_with_uppercase follows Unicode categories", "[text]") {
  CHECK(starts_with_uppercase("Hello"));
  CHECK(starts_with_uppercase("\u00C9cole"));
  CHECK(starts_with_uppercase("\u0394elta"));
  CHECK_FALSE(starts_with_uppercase("hello"));
  CHECK_FALSE(starts_with_uppercase("\u00E9cole"));
  CHECK_FALSE(starts_with_uppercase("1st"));
  CHECK_FALSE(starts_with_uppercase(""));
  CHECK_FALSE(starts_with_uppercase("\xFF"));
}
