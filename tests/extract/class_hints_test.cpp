#include "extract/class_hints.hpp"

#include <catch2/catch.hpp>

#include "markup/markup_tree.hpp"

using namespace briefcast;

namespace {
const MarkupNode& first_in_body(const MarkupDocument& doc) {
  return *doc.root()->first_child->first_child;
}
}  // namespace

TEST_CASE("tags that start blocks and headings", "[html]") {
  CHECK(is_block_tag("p"));
  CHECK(is_block_tag("blockquote"));
  CHECK(is_block_tag("td"));
  CHECK_FALSE(is_block_tag("span"));
  CHECK_FALSE(is_block_tag("a"));
  CHECK(is_heading_tag("h1"));
  CHECK(is_heading_tag("h6"));
  CHECK_FALSE(is_heading_tag("h7"));
  CHECK_FALSE(is_heading_tag("hr"));
  CHECK(one_of("b", {"a", "b"}));
  CHECK_FALSE(one_of("c", {"a", "b"}));
}

TEST_CASE("class and id words mark boilerplate unless they could mean content", "[html]") {
  CHECK(is_unlikely_hint("sidebar-left "));
  CHECK(is_unlikely_hint(" cookie-banner"));
  CHECK_FALSE(is_unlikely_hint("sidebar main-column"));  // "main", "column": maybe content
  CHECK_FALSE(is_unlikely_hint("story-body "));
  CHECK(is_share_hint("share-bar "));
  CHECK(is_share_hint(" byline"));
  CHECK_FALSE(is_share_hint("post-share "));  // "post" may be the article
}

TEST_CASE("class_and_id and class_weight read the element", "[html]") {
  const MarkupDocument doc =
      parse_html("<div class=\"Article-Body\" id=\"Main\" itemprop=\"articleBody\">x</div>", "t");
  const MarkupNode& div = first_in_body(doc);
  CHECK(class_and_id(div) == "article-body main");
  CHECK(class_weight(div) == 25 + 25 + 50);

  const MarkupDocument neg = parse_html("<div class=\"comment-list\" id=\"hid\">x</div>", "t");
  CHECK(class_weight(first_in_body(neg)) == -25 - 25);

  const MarkupDocument none = parse_html("<div>x</div>", "t");
  CHECK(class_and_id(first_in_body(none)) == " ");
  CHECK(class_weight(first_in_body(none)) == 0);
}
