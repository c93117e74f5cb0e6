#include "extract/block_emitter.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "markup/markup_tree.hpp"

using namespace briefcast;

namespace {

struct Emitted {
  std::string html;
  std::vector<Block> blocks;
};

Emitted emit(const std::string& body) {
  Emitted e{"<html><body>" + body + "</body></html>", {}};
  MarkupDocument doc = parse_html(e.html, "t");
  const ContentSelection sel = select_content(doc, *doc.root()->last_child, true);
  e.blocks = emit_blocks(sel, e.html);
  return e;
}

const std::string kLong =
    "the river rose in the night, the town woke to it, and the council met at dawn";

}  // namespace

TEST_CASE("blocks keep their kind and reading order", "[html]") {
  const Emitted e = emit("<article><h2>Flood  warning</h2><p>First, " + kLong +
                         ".</p><ul><li>one item</li><li>two &amp; three</li></ul>"
                         "<blockquote><p>Quoted, " +
                         kLong +
                         ".</p></blockquote>"
                         "<p>Last, " +
                         kLong + ".</p></article>");
  REQUIRE(e.blocks.size() == 6);
  CHECK(e.blocks[0].kind == BlockKind::heading);
  CHECK(e.blocks[0].text == "Flood warning");
  CHECK(e.blocks[1].kind == BlockKind::paragraph);
  CHECK(e.blocks[2].kind == BlockKind::list_item);
  CHECK(e.blocks[3].text == "two & three");
  CHECK(e.blocks[4].kind == BlockKind::quote);
  CHECK(e.blocks[5].text == "Last, " + kLong + ".");
  // Offsets point at each block's first word in the page, in order.
  for (const Block& b : e.blocks)
    CHECK(e.html.compare(b.source_offset, b.text.find(' '), b.text.substr(0, b.text.find(' '))) ==
          0);
  CHECK(e.blocks[1].source_offset < e.blocks[5].source_offset);
}

TEST_CASE("line breaks end paragraphs after punctuation or when doubled", "[html]") {
  const Emitted e = emit("<article><p>One, " + kLong + "<br>still one.<br>Two, " + kLong +
                         "<br><br>Three, " + kLong + ".</p></article>");
  REQUIRE(e.blocks.size() == 3);
  CHECK(e.blocks[0].text == "One, " + kLong + " still one.");
  CHECK(e.blocks[1].text == "Two, " + kLong);
  CHECK(e.blocks[2].text == "Three, " + kLong + ".");
}

TEST_CASE("share bars, bylines and link lists inside the article are dropped", "[html]") {
  const Emitted e = emit(
      "<article><div class=share-tools><a href=#>Share</a> <a href=#>Tweet</a></div>"
      "<p class=byline>By Sam Lee</p><p>Body, " +
      kLong +
      ".</p><img src=x.png>"
      "<ul><li><a href=/a>Another story</a></li><li><a href=/b>And another</a></li></ul>"
      "<p>More body, " +
      kLong + ".</p></article>");
  REQUIRE(e.blocks.size() == 2);
  CHECK(e.blocks[0].text == "Body, " + kLong + ".");
  CHECK(e.blocks[1].text == "More body, " + kLong + ".");
}

TEST_CASE("a sentence whose object is a link stays, a labelled link goes", "[html]") {
  const Emitted e = emit("<article><p>Body, " + kLong +
                         ".</p><p>The founder faces <a href=/x>a charge of fraud in the state "
                         "court</a>.</p><p>Read more: <a href=/y>The full story of the case so "
                         "far</a></p><p>See <a href=/z>the whole list of the charges filed</a>"
                         "</p><p>More body, " +
                         kLong + ".</p></article>");
  REQUIRE(e.blocks.size() == 3);
  CHECK(e.blocks[1].text == "The founder faces a charge of fraud in the state court.");
  CHECK(e.blocks[2].text == "More body, " + kLong + ".");
}

TEST_CASE("a story paragraph alone in a media-named wrapper stays, its cited source apart",
          "[html]") {
  const Emitted e = emit(
      "<article><div class=\"el__leafmedia\"><p><cite>Hong Kong (CNN Business)</cite>A "
      "muddled view of trade talks is weighing on investors once again this week.</p></div>"
      "<p>Body, " +
      kLong + ".</p><div class=media><p>Short label</p></div></article>");
  REQUIRE(e.blocks.size() == 2);
  CHECK(e.blocks[0].text ==
        "Hong Kong (CNN Business) A muddled view of trade talks is weighing on investors once "
        "again this week.");
  CHECK(e.blocks[1].text == "Body, " + kLong + ".");
}
