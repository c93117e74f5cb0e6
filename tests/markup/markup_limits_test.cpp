// What one hostile markup document may cost: entity amplification, attributes per element and
// elements per document are bounded before or while the tree is built.
#include "markup/markup_limits.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "markup/markup_tree.hpp"
#include "support/markup_search.hpp"

using namespace briefcast;
using briefcast::test::find_element;

namespace {

// One entity of `chars` characters referenced `refs` times: about chars + 6 × refs bytes that
// expand to chars × refs.
std::string amplifying_feed(std::size_t chars, std::size_t refs) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY big \"" +
                    std::string(chars, 'a') + "\">]>\n<rss version=\"2.0\"><channel><item><title>";
  for (std::size_t i = 0; i < refs; ++i) xml += "&big;";
  return xml + "</title></item></channel></rss>\n";
}

std::string tag_with_attributes(std::size_t n) {
  std::string tag = "<p";
  for (std::size_t i = 0; i < n; ++i) tag += " a" + std::to_string(i) + "=\"v\"";
  return tag + ">text</p>";
}

}  // namespace

TEST_CASE("markup limits: the expansion budget is 4x the bytes within 1 MB and 32 MB", "[markup]") {
  CHECK(expansion_budget(0) == kMinExpansionBytes);
  CHECK(expansion_budget(1'000'000) == 4'000'000);
  CHECK(expansion_budget(100u << 20) == kMaxExpandedBytes);
  CHECK(expansion_budget(SIZE_MAX) == kMaxExpandedBytes);
}

TEST_CASE("markup limits: entity amplification is refused as not well-formed", "[markup]") {
  // 108 KB expanding to 200 MB: the build reached 2.9 GB on it.
  const std::string xml = amplifying_feed(100'000, 2'000);
  CHECK(xml.size() < 120'000);
  const MarkupDocument doc = parse_xml(xml, {});
  CHECK_FALSE(doc.well_formed());
  CHECK(doc.root() == nullptr);
  REQUIRE(doc.first_error());
  CHECK(doc.first_error()->message.find("entity references expand") != std::string::npos);

  // Nested entities (each level ten references of the one below) are counted without being
  // expanded; libxml2's own guard may refuse them first.
  std::string nested =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY e0 \"" + std::string(1000, 'x') + "\">";
  for (int level = 1; level <= 6; ++level) {
    nested += "<!ENTITY e" + std::to_string(level) + " \"";
    for (int k = 0; k < 10; ++k) nested += "&e" + std::to_string(level - 1) + ";";
    nested += "\">";
  }
  nested += "]>\n<r>&e6;</r>\n";
  CHECK_FALSE(parse_xml(nested, {}).well_formed());

  // A few entities that expand modestly are fine.
  const MarkupDocument ok = parse_xml(amplifying_feed(100, 20), {});
  REQUIRE(ok.well_formed());
  CHECK(find_element(ok.root(), "title")->text_content() == std::string(2000, 'a'));
}

TEST_CASE("markup limits: attributes per element are capped", "[markup]") {
  // libxml2 is quadratic in them: 100,000 on one tag took 267 s.
  const std::string page = "<html><body>" + tag_with_attributes(100'000) + "</body></html>";
  const MarkupDocument doc = parse_html(page, "page.html");
  const MarkupNode* p = find_element(doc.root(), "p");
  REQUIRE(p);
  CHECK(p->attributes.size() == kMaxAttributesPerElement);
  CHECK(p->text_content() == "text");
  CHECK(*p->attr("a0") == "v");

  const MarkupScan scan = scan_markup("<a x=1 y='2' z=\"3\" w>t</a>", 2, 10);
  CHECK(scan.dropped_attributes == 2);
  REQUIRE(scan.limited);
  CHECK(*scan.limited == "<a x=1 y='2'>t</a>");
  CHECK_FALSE(scan_markup("<!-- <a b c d> --><a x y>", 2, 10).limited);

  const MarkupDocument xml = parse_xml("<r>" + tag_with_attributes(300) + "</r>", {});
  CHECK_FALSE(xml.well_formed());
  REQUIRE(xml.first_error());
  CHECK(xml.first_error()->message == "more than 256 attributes on one element");
}

TEST_CASE("markup limits: elements per document are capped", "[markup]") {
  std::string page = "<html><body>";
  for (std::size_t i = 0; i < kMaxElementsPerDocument; ++i) page += "<b>x</b>";
  const MarkupScan scan = scan_markup(page);
  CHECK(scan.cut);  // <html> and <body> count too
  CHECK(scan.elements == kMaxElementsPerDocument);
  REQUIRE(scan.limited);
  CHECK(scan.limited->size() == page.size() - 2 * 8);  // the last two <b> elements are cut
  // XML past the cap is refused before libxml2 reads it.
  const MarkupDocument xml = parse_xml("<r>" + page.substr(12) + "</r>", {});
  CHECK_FALSE(xml.well_formed());
  CHECK(xml.first_error()->message == "more than 1000000 elements");

  const MarkupScan small = scan_markup("<a><b/><c/><d/></a>", 10, 3);
  CHECK(small.cut);
  CHECK(*small.limited == "<a><b/><c/>");
  // A 20 MB page of ordinary markup stays whole.
  std::string menu;
  while (menu.size() < (20u << 20)) menu += "<div class=\"menu\"><a href=\"/x\">A link</a></div>\n";
  CHECK_FALSE(scan_markup(menu).limited);
}
