#include "feed/feed_text.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

TEST_CASE("html_to_plain_text strips tags and decodes references", "[sources]") {
  CHECK(html_to_plain_text("<p>Hello&nbsp;<b>world</b> &amp; caf&#233; &#x2014; ok</p>") ==
        "Hello world & café — ok");
  CHECK(html_to_plain_text("a < b and AT&T <script>x()</script>done") == "a < b and AT&T done");
  CHECK(html_to_plain_text("<!-- c -->  spaced\n\n out ") == "spaced out");
}

TEST_CASE("html_to_plain_text: references it does not know stay as written", "[sources]") {
  CHECK(html_to_plain_text("&bogus; &#0; &#x110000; &#xZZ;") ==
        "&bogus; \xEF\xBF\xBD \xEF\xBF\xBD &#xZZ;");
  CHECK(html_to_plain_text("<STYLE>p{}</style>Text<br/>more") == "Text more");
  CHECK(html_to_plain_text("x <y") == "x");  // an unclosed tag ends the text
}

TEST_CASE("text_to_html makes escaped paragraphs of blank-line-separated text", "[sources]") {
  CHECK(text_to_html("First line\nsame paragraph.\n\n  Second <b> & 'quoted'.  \n\n\n\n") ==
        "<p>First line\nsame paragraph.</p>\n"
        "<p>Second &lt;b&gt; &amp; &#39;quoted&#39;.</p>\n");
  CHECK(text_to_html("").empty());
  CHECK(text_to_html(" \n\n \n").empty());
}
