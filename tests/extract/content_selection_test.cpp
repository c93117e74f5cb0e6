#include "extract/content_selection.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "markup/markup_tree.hpp"
#include "support/markup_search.hpp"

using namespace briefcast;
using test::find_by_id;

namespace {

std::string paragraphs(int n) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += "<p>Paragraph " + std::to_string(i) +
           " says the river rose, the town woke, and the council met, again, at dawn.</p>";
  return out;
}

MarkupNode* body_of(MarkupDocument& doc) { return doc.root()->last_child; }

}  // namespace

TEST_CASE("the article container wins over menus and sidebars", "[html]") {
  MarkupDocument doc = parse_html(
      "<body><nav id=nav><a href=/>Home</a></nav>"
      "<div id=sidebar class=sidebar><p>Sidebar text, with commas, that goes on, and on.</p></div>"
      "<div id=story class=story-body>" +
          paragraphs(6) +
          "</div>"
          "<div id=links>" +
          std::string(20, ' ') + "<a href=/1>one link, two</a></div></body>",
      "t");
  MarkupNode* body = body_of(doc);
  const ContentSelection sel = select_content(doc, *body, true);
  REQUIRE(sel.containers().size() == 1);
  CHECK(sel.containers()[0]->attr_or_empty("id") == "story");
  CHECK(find_by_id(body, "nav") == nullptr);      // removed from the document
  CHECK(find_by_id(body, "sidebar") == nullptr);  // unlikely by class, first attempt
  const NodeStats& s = sel.stats(*sel.containers()[0]);
  CHECK(s.p == 6);
  CHECK(s.commas == 6 * 4);
  CHECK(s.candidate);
  CHECK(s.score > 0);
  CHECK(sel.link_density(*sel.containers()[0]) == 0.0);
}

TEST_CASE("numbers count text, links and elements below a node", "[html]") {
  MarkupDocument doc = parse_html(
      "<body><div id=d><p>abcd, <a href=#>efgh</a></p><img src=x><ul><li>x</li></ul>"
      "<script>ignored text</script><p hidden>hidden text</p></div></body>",
      "t");
  MarkupNode* body = body_of(doc);
  const ContentSelection sel = select_content(doc, *body, false);
  const MarkupNode* d = find_by_id(body, "d");
  REQUIRE(d);
  const NodeStats& s = sel.stats(*d);
  CHECK(s.text == (5 + 1) + (4 + 1) + (1 + 1));  // folded code points + 1 per text node
  CHECK(s.link == 4 + 1);
  CHECK(s.commas == 1);
  CHECK(s.p == 1);
  CHECK(s.img == 1);
  CHECK(s.li == 1);
  CHECK(sel.link_density(*d) == Approx(5.0 / 13.0));
  CHECK(sel.containers().empty());          // nothing long enough to vote
  CHECK(sel.stats(*doc.root()).text == 0);  // outside the body: no numbers
}

TEST_CASE("the second attempt keeps unlikely containers", "[html]") {
  MarkupDocument doc =
      parse_html("<body><div class=comment-thread>" + paragraphs(12) + "</div></body>", "t");
  const ContentSelection first = select_content(doc, *body_of(doc), true);
  CHECK(first.containers().empty());
  MarkupDocument again =
      parse_html("<body><div class=comment-thread>" + paragraphs(12) + "</div></body>", "t");
  const ContentSelection second = select_content(again, *body_of(again), false);
  REQUIRE(second.containers().size() == 1);
  CHECK(second.containers()[0]->attr_or_empty("class") == "comment-thread");
}
