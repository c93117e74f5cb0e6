#include "extract/html_text.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "markup/markup_tree.hpp"

using namespace briefcast;

TEST_CASE("whitespace and no-break spaces fold to one space", "[html]") {
  CHECK(folded("  one \t\n two\xC2\xA0\xC2\xA0three\r\f") == "one two three");
  CHECK(folded("\xC2\xA0") == "");
  CHECK(folded("caf\xC3\xA9 \xE2\x80\x94 ok") ==
        "caf\xC3\xA9 \xE2\x80\x94 ok");  // other UTF-8 kept

  std::string out;
  bool pending = false;
  append_folded(out, " a ", pending);
  CHECK(pending);
  append_folded(out, "b", pending);
  append_folded(out, "\n", pending);
  append_folded(out, "c", pending);
  CHECK(out == "a b c");
}

TEST_CASE("tag names", "[html]") {
  const MarkupDocument doc = parse_html("<P>x</P>", "t");
  const MarkupNode* p = doc.root()->first_child->first_child;
  CHECK(tag_of(*p) == "p");
  CHECK(tag_of(*p->first_child).empty());
}

TEST_CASE("folded_text reads text and script content, not comments", "[html]") {
  const MarkupDocument doc =
      parse_html("<div> One <b>two</b> and<!-- no --><script> three</script>\n four </div>", "t");
  const MarkupNode* div = doc.root()->first_child->first_child;
  CHECK(folded_text(*div) == "One two and three four");
}

TEST_CASE("traverse visits in document order without a stack, enter can prune", "[html]") {
  std::string html = "<div id=a><p>x</p><nav><p>skip</p></nav><p>y</p></div>";
  const MarkupDocument doc = parse_html(html, "t");
  const MarkupNode* div = doc.root()->first_child->first_child;
  std::vector<std::string> entered, left;
  traverse(
      div,
      [&](const MarkupNode* n) {
        entered.push_back(n->is_element() ? n->name : n->text);
        return n->name != "nav";
      },
      [&](const MarkupNode* n) { left.push_back(n->is_element() ? n->name : n->text); });
  CHECK(entered == std::vector<std::string>{"div", "p", "x", "nav", "p", "y"});
  CHECK(left == std::vector<std::string>{"x", "p", "nav", "y", "p", "div"});

  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<span>";
  const MarkupDocument d = parse_html(deep + "end", "deep");
  int elements = 0;
  traverse(
      d.root(),
      [&](const MarkupNode* n) {
        elements += n->is_element();
        return true;
      },
      [](const MarkupNode*) {});
  CHECK(elements == 20000 + 2);  // + html, body
}
