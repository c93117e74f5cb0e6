#include "markup/markup_writer.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "markup/markup_tree.hpp"

using briefcast::MarkupDocument;
using briefcast::MarkupNode;
using briefcast::parse_html;
using briefcast::parse_xml;
using briefcast::serialize_xml;

TEST_CASE("serialize_xml writes markup as libxml2's xmlNodeDump did", "[markup]") {
  const std::string content =
      "<div xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:m=\"urn:m\"><p class=\"a&quot;b\" "
      "title=\"caf\xC3\xA9&#9;tab\">x &amp; &lt;y&gt; caf\xC3\xA9&#13;<br/><m:i m:at=\"1\">i</m:i>"
      "<![CDATA[a<]]><!--c--><?pi data?></p><q xmlns:e='say \"hi\"'/></div>";
  SECTION("without an encoding declaration attributes are ASCII") {
    const MarkupDocument doc = parse_xml("<?xml version=\"1.0\"?><c>" + content + "</c>");
    REQUIRE(doc.well_formed());
    const MarkupNode* div = doc.root()->first_child;
    CHECK(serialize_xml(doc, *div->first_child) ==
          "<p class=\"a&quot;b\" title=\"caf&#xE9;&#9;tab\">x &amp; &lt;y&gt; caf\xC3\xA9&#13;"
          "<br/><m:i m:at=\"1\">i</m:i><![CDATA[a<]]><!--c--><?pi data?></p>");
    CHECK(serialize_xml(doc, *div->last_child) == "<q xmlns:e='say \"hi\"'/>");
    CHECK(serialize_xml(doc, *div).rfind("<div xmlns=\"http://www.w3.org/1999/xhtml\" "
                                         "xmlns:m=\"urn:m\"><p ",
                                         0) == 0);
  }
  SECTION("with one, UTF-8 stays") {
    const MarkupDocument doc =
        parse_xml("<?xml version=\"1.0\" encoding=\"utf-8\"?><c>" + content + "</c>");
    REQUIRE(doc.well_formed());
    const MarkupNode* p = doc.root()->first_child->first_child;
    CHECK(serialize_xml(doc, *p).rfind("<p class=\"a&quot;b\" title=\"caf\xC3\xA9&#9;tab\">", 0) ==
          0);
  }
}

TEST_CASE("serialize_xml: empty elements, entity references, deep trees", "[markup]") {
  const MarkupDocument doc =
      parse_xml("<!DOCTYPE t [<!ENTITY e \"E\"><!ATTLIST t d CDATA \"x\">]><t><a></a>&e;<b/></t>");
  REQUIRE(doc.well_formed());
  CHECK(serialize_xml(doc, *doc.root()) == "<t><a/>&e;<b/></t>");  // no defaulted d="x"

  std::string html = "<p>";
  for (int i = 0; i < 10000; ++i) html += "<i>";
  const MarkupDocument deep = parse_html(html + "x", "deep.html");
  const MarkupNode* p = deep.root()->first_child->first_child;
  std::string expected = "<p>";
  for (int i = 0; i < 10000; ++i) expected += "<i>";
  expected += "x";
  for (int i = 0; i < 10000; ++i) expected += "</i>";
  CHECK(serialize_xml(deep, *p) == expected + "</p>");
}
