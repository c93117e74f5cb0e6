// Markdown inline content as spoken text, one block at a time: emphasis, links, references,
// images, autolinks, inline HTML, code spans, escapes, and bounded work on hostile brackets.
// (Whole documents, with tidy_unicode applied after this: tests/markdown_test.cpp.)
#include "extract/markdown_inline.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

TEST_CASE("markdown inline: emphasis markers go, look-alikes stay", "[text]") {
  CHECK(render_markdown_inline("Some **bold**, *italic*, __strong__, _em_ and ~~gone~~.") ==
        "Some bold, italic, strong, em and gone.");
  CHECK(render_markdown_inline("snake_case_name, 2*3*4, a * b, x ~ y, ~one~") ==
        "snake_case_name, 2*3*4, a * b, x ~ y, ~one~");
  CHECK(render_markdown_inline("***both***") == "both");
}

TEST_CASE("markdown inline: links give their text, never the URL", "[text]") {
  CHECK(render_markdown_inline("See [the report](https://example.com/r?a=(1) \"t\").") ==
        "See the report.");
  CHECK(render_markdown_inline("[a [b](u) c](v)") == "a b c");
  CHECK(render_markdown_inline("[docs][d], [docs][], [D] and [x]", {"d"}) ==
        "docs, docs, D and [x]");
  CHECK(render_markdown_inline("[Docs]", {markdown_label("DOCS")}) == "Docs");
  CHECK(render_markdown_inline("Claim[^1] here[^note].") == "Claim here.");
  CHECK(markdown_label("Read THE Docs") == "read the docs");
  CHECK(markdown_label("\xC3\x84rger") == "\xC3\x84rger");  // only ASCII is folded
}

TEST_CASE("markdown inline: images dropped, addresses kept, tags become spaces", "[text]") {
  CHECK(render_markdown_inline("Sales rose ![A chart](chart.png).") == "Sales rose.");
  CHECK(render_markdown_inline("Sales rose ![x][img], again", {"img"}) == "Sales rose, again");
  CHECK(render_markdown_inline("Mail <mailto:a@b.org>, <c@d.net> or <https://x.org>.") ==
        "Mail a@b.org, c@d.net or https://x.org.");
  CHECK(render_markdown_inline("Inline <b>tag</b>!") == "Inline  tag !");
  CHECK(render_markdown_inline("1 < 2 and 3 <4") == "1 < 2 and 3 <4");
}

TEST_CASE("markdown inline: code spans and escapes keep their text", "[text]") {
  CHECK(render_markdown_inline("Run `make  all` now") == "Run make  all now");
  CHECK(render_markdown_inline("``a ` b`` end") == "a ` b end");
  CHECK(render_markdown_inline("an `unclosed span") == "an `unclosed span");
  CHECK(render_markdown_inline("\\*not emphasis\\* \\[no link\\] \\a") ==
        "*not emphasis* [no link] \\a");
}

TEST_CASE("markdown inline: hostile brackets and backticks stay linear", "[text]") {
  std::string brackets = std::string(20000, '[') + std::string(20000, ']');
  CHECK(render_markdown_inline(brackets) == brackets);  // no link anywhere: kept as written
  std::string nested;
  for (int i = 0; i < 100; ++i) nested += "[a";
  nested += "](u)";
  CHECK(render_markdown_inline(nested).size() <= nested.size());
  std::string ticks;
  for (int i = 0; i < 50000; ++i) ticks += "` a ";
  // "` a `" pairs are code spans "a"; the " a " between them stays.
  std::string spoken = render_markdown_inline(ticks);
  CHECK(spoken.size() == ticks.size() / 2);
  CHECK(spoken.substr(0, 8) == "a a a a ");
}
