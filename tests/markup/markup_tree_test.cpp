#include "markup/markup_tree.hpp"

#include <sys/mman.h>

#include <catch2/catch.hpp>
#include <climits>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "markup/markup_writer.hpp"
#include "support/markup_search.hpp"

using briefcast::MarkupDocument;
using briefcast::MarkupKind;
using briefcast::MarkupNode;
using briefcast::parse_html;
using briefcast::parse_xml;
using briefcast::serialize_xml;
using briefcast::XmlReadOptions;

using briefcast::test::child_names;
using briefcast::test::find_element;

TEST_CASE("HTML: broken markup is recovered into the tree a browser would build", "[markup]") {
  const MarkupDocument doc = parse_html(
      "<P CLASS=Lead>One<p>Two <B>bold</i> still bold</div><p>Three<br>after", "page.html");
  REQUIRE(doc.root());
  CHECK(doc.root()->name == "html");  // implied, as are <body> and the closing tags
  const MarkupNode* body = find_element(doc.root(), "body");
  REQUIRE(body);
  REQUIRE(child_names(body) == std::vector<std::string>{"p", "p", "p"});
  const MarkupNode* first = body->first_child;
  CHECK(first->attributes.size() == 1);
  CHECK(first->attributes[0].name == "class");  // names lower-cased, unquoted value kept
  CHECK(*first->attr("class") == "Lead");
  CHECK(first->text_content() == "One");
  CHECK(first->next->text_content() == "Two bold still bold");
  const MarkupNode* third = first->next->next;
  CHECK(child_names(third) == std::vector<std::string>{"#Three", "br", "#after"});
  CHECK(third->parent == body);
  CHECK(third->prev == first->next);
  CHECK(body->last_child == third);
}

TEST_CASE("HTML: entities, charsets, attributes and script content", "[markup]") {
  const MarkupDocument doc = parse_html(
      "<html><head><meta charset=\"windows-1252\"><script>if (a < b && c) x = \"</p>\";</script>"
      "</head><body><p title=\"caf&eacute; &amp; &quot;bar&quot;\" hidden>Caf\xC3\xA9 &amp; "
      "&#x263A;&nbsp;&copy;\n  two</p><!-- note --></body></html>",
      "page.html");
  const MarkupNode* p = find_element(doc.root(), "p");
  REQUIRE(p);
  // Text is UTF-8; the <meta charset> does not re-decode what the caller converted.
  CHECK(p->text_content() == "Caf\xC3\xA9 & \xE2\x98\xBA\xC2\xA0\xC2\xA9\n  two");
  CHECK(p->attr_or_empty("title") == "caf\xC3\xA9 & \"bar\"");
  REQUIRE(p->attr("hidden"));
  CHECK(p->attr("hidden")->empty());
  CHECK(p->attr("missing") == nullptr);
  CHECK(p->attr_or_empty("missing").empty());
  const MarkupNode* script = find_element(doc.root(), "script");
  REQUIRE(script);
  REQUIRE(script->first_child);
  CHECK(script->first_child->kind == MarkupKind::cdata);
  CHECK(script->first_child->text == "if (a < b && c) x = \"</p>\";");
  REQUIRE(p->next);
  CHECK(p->next->kind == MarkupKind::comment);
  CHECK(p->next->text == " note ");
  CHECK(p->line == 1);
}

TEST_CASE("HTML: 10,000-deep nesting is built, walked and freed without recursion", "[markup]") {
  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "\n\nbottom";
  const MarkupDocument doc = parse_html(html, "deep.html");
  const MarkupNode* n = find_element(doc.root(), "body");
  int depth = 0;
  while (n->first_child && n->first_child->is_element()) {
    n = n->first_child;
    ++depth;
  }
  CHECK(depth == 10000);
  REQUIRE(n->first_child);
  CHECK(n->first_child->text == "\n\nbottom");
  CHECK(n->first_child->line == 3);  // where the text ends: libxml2 records it then
  CHECK(doc.root()->text_content() == "\n\nbottom");
  // serialize_xml() walks the same depth iteratively.
  std::string expected = "<body>";
  for (int i = 0; i < 10000; ++i) expected += "<div>";
  expected += "\n\nbottom";
  for (int i = 0; i < 10000; ++i) expected += "</div>";
  CHECK(serialize_xml(doc, *find_element(doc.root(), "body")) == expected + "</body>");
  // Every node has its own dense index.
  CHECK(doc.node_count() == 10000 + 3);
  CHECK(n->first_child->index == doc.node_count() - 1);
}

TEST_CASE("remove() unlinks a subtree and relinks its siblings", "[markup]") {
  MarkupDocument doc = parse_html("<body><p>a</p><nav>menu <b>x</b></nav><p>b</p></body>", "r");
  MarkupNode* body = const_cast<MarkupNode*>(find_element(doc.root(), "body"));
  MarkupNode* nav = body->first_child->next;
  REQUIRE(nav->name == "nav");
  const std::size_t count = doc.node_count();
  doc.remove(*nav);
  CHECK(child_names(body) == std::vector<std::string>{"p", "p"});
  CHECK(body->first_child->next->prev == body->first_child);
  CHECK(nav->parent == nullptr);
  CHECK(nav->text_content() == "menu x");  // still readable, owned by the document
  CHECK(doc.node_count() == count);
  doc.remove(*body->last_child);
  doc.remove(*body->first_child);
  CHECK(body->first_child == nullptr);
  CHECK(body->last_child == nullptr);
  CHECK(body->text_content().empty());
}

TEST_CASE("XML: namespaces, prefixes and declarations", "[markup]") {
  const MarkupDocument doc = parse_xml(
      "<?xml version=\"1.0\"?>\n<!-- before -->\n"
      "<rss xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" xmlns:a=\"urn:a\">"
      "<channel xmlns=\"urn:default\"><itunes:image href=\"x.jpg\" a:kind=\"cover\"/>"
      "<title xml:lang=\"en\">T</title></channel></rss>");
  REQUIRE(doc.well_formed());
  CHECK(doc.namespaces_well_formed());
  CHECK_FALSE(doc.has_doctype());
  REQUIRE(doc.first_top_level());
  CHECK(doc.first_top_level()->kind == MarkupKind::comment);
  const MarkupNode* rss = doc.root();
  REQUIRE(rss);
  CHECK(rss->name == "rss");
  CHECK(rss->ns == nullptr);
  CHECK(rss->ns_uri().empty());
  REQUIRE(rss->declared);
  CHECK(rss->declared->prefix == "itunes");
  CHECK(rss->declared->uri == "http://www.itunes.com/dtds/podcast-1.0.dtd");
  REQUIRE(rss->declared->next_declared);
  CHECK(rss->declared->next_declared->prefix == "a");
  CHECK(rss->declared->next_declared->next_declared == nullptr);

  const MarkupNode* channel = rss->first_child;
  CHECK(channel->ns_uri() == "urn:default");
  REQUIRE(channel->declared);
  CHECK(channel->declared->prefix.empty());
  const MarkupNode* image = channel->first_child;
  CHECK(image->name == "image");  // the local name
  REQUIRE(image->ns);
  CHECK(image->ns->prefix == "itunes");
  REQUIRE(image->attributes.size() == 2);
  CHECK(image->attributes[1].name == "kind");
  REQUIRE(image->attributes[1].ns);
  CHECK(image->attributes[1].ns->uri == "urn:a");
  CHECK(*image->attr("kind") == "cover");       // any namespace
  CHECK(image->attr_no_ns("kind") == nullptr);  // only attributes in no namespace
  CHECK(*image->attr_no_ns("href") == "x.jpg");
  const MarkupNode* title = image->next;
  CHECK(title->ns_uri() == "urn:default");  // inherited default namespace
  CHECK(title->attributes[0].ns->uri == "http://www.w3.org/XML/1998/namespace");
}

TEST_CASE("XML: an undeclared prefix is a namespace error, not ill-formed", "[markup]") {
  const MarkupDocument doc = parse_xml("<rss>\n<foo:bar>x</foo:bar></rss>");
  CHECK(doc.well_formed());
  CHECK_FALSE(doc.namespaces_well_formed());
  const MarkupNode* el = doc.root()->first_child->next;
  REQUIRE(el);
  CHECK(el->name == "foo:bar");
  CHECK(el->ns == nullptr);
  REQUIRE(doc.first_error());
  CHECK(doc.first_error()->line == 2);
  CHECK(doc.first_error()->message == "Namespace prefix foo on bar is not defined\n");
}

TEST_CASE("XML: parse errors carry libxml2's message and line", "[markup]") {
  const MarkupDocument doc = parse_xml("<rss>\n<channel>\n<title>x</channel>\n</rss>\n");
  CHECK_FALSE(doc.well_formed());
  CHECK(doc.root() == nullptr);
  REQUIRE(doc.first_error());
  CHECK(doc.first_error()->line == 3);
  CHECK(doc.first_error()->message ==
        "Opening and ending tag mismatch: title line 3 and channel\n");
  // The last one is a consequence of the first.
  REQUIRE(doc.last_error());
  CHECK(doc.last_error()->line == 5);
  CHECK(doc.last_error()->message == "Premature end of data in tag rss line 1\n");

  const MarkupDocument cut = parse_xml("<rss><channel>");
  CHECK_FALSE(cut.well_formed());
  REQUIRE(cut.last_error());
  CHECK(cut.last_error()->line == 1);
}

TEST_CASE("XML: encodings and entities", "[markup]") {
  SECTION("ISO-8859-1 text comes out as UTF-8") {
    const MarkupDocument doc =
        parse_xml("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t a=\"\xE9\">Caf\xE9</t>");
    REQUIRE(doc.well_formed());
    CHECK(doc.root()->text_content() == "Caf\xC3\xA9");
    CHECK(*doc.root()->attr("a") == "\xC3\xA9");
  }
  SECTION("declared entities stay references whose replacement text counts as content") {
    const MarkupDocument doc = parse_xml(
        "<!DOCTYPE t [<!ENTITY co \"Acme &amp; Co\"><!ENTITY big \"<b>&co;</b>!\">"
        "<!ATTLIST t kind CDATA \"plain\">]><t>At &big; &#x41;&lt;</t>");
    REQUIRE(doc.well_formed());
    CHECK(doc.has_doctype());
    const MarkupNode* t = doc.root();
    CHECK(t->text_content() == "At Acme & Co! A<");
    const MarkupNode* ref = t->first_child->next;
    REQUIRE(ref);
    CHECK(ref->kind == MarkupKind::entity_reference);
    CHECK(ref->name == "big");
    CHECK(ref->text == "Acme & Co!");
    CHECK(serialize_xml(doc, *t) ==
          "<t>At &big; A&lt;</t>");  // the default attribute is not written
    REQUIRE(t->attr_no_ns("kind"));
    CHECK(*t->attr_no_ns("kind") == "plain");
    CHECK(t->attributes[0].defaulted);
  }
  SECTION("external entities are not loaded; entity loops are refused") {
    const MarkupDocument ext =
        parse_xml("<!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><t>&x;</t>");
    CHECK((!ext.well_formed() || ext.root()->text_content().empty()));
    const MarkupDocument loop =
        parse_xml("<!DOCTYPE t [<!ENTITY a \"&b;\"><!ENTITY b \"&a;\">]><t>&a;</t>");
    CHECK_FALSE(loop.well_formed());
  }
  SECTION("CDATA sections are kept, or merged into text on request") {
    const std::string xml = "<t>a <![CDATA[<b>]]> c</t>";
    const MarkupDocument kept = parse_xml(xml);
    CHECK(child_names(kept.root()) == std::vector<std::string>{"#a ", "#<b>", "# c"});
    CHECK(kept.root()->first_child->next->kind == MarkupKind::cdata);
    const MarkupDocument merged = parse_xml(xml, XmlReadOptions{"", true});
    CHECK(child_names(merged.root()) == std::vector<std::string>{"#a <b> c"});
  }
}

TEST_CASE("XML: xml:base is resolved up the tree and against the document URL", "[markup]") {
  const MarkupDocument doc = parse_xml(
      "<feed xml:base=\"/blog/\"><entry xml:base=\"posts/\"><link/></entry>"
      "<entry xml:base=\"http://other.example/a/\"><link xml:base=\"b/\"/></entry>"
      "<entry xml:base=\"https://secure.example/x/\"><link/></entry><plain/></feed>",
      XmlReadOptions{"https://news.example/feeds/all.xml", false});
  const MarkupNode* first = doc.root()->first_child;
  CHECK(doc.base_of(*first->first_child) == "https://news.example/blog/posts/");
  CHECK(doc.base_of(*first->next->first_child) == "http://other.example/a/b/");
  CHECK(doc.base_of(*first->next->next->first_child) == "https://secure.example/x/");
  CHECK(doc.base_of(*doc.root()->last_child) == "https://news.example/blog/");

  const MarkupDocument no_url = parse_xml("<feed><entry xml:base=\"rel/\"/><x/></feed>");
  CHECK(no_url.base_of(*no_url.root()->first_child) == "rel/");
  CHECK(no_url.base_of(*no_url.root()->last_child).empty());
}

TEST_CASE("a document of 2 GiB or more is an input error naming it", "[markup]") {
  // Address space, not memory: the pages are never touched (the size is checked first).
  const std::size_t size = static_cast<std::size_t>(INT_MAX) + 1;
  void* pages =
      ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (pages == MAP_FAILED) {
    WARN("cannot reserve 2 GiB of address space here; skipped");
    return;
  }
  const std::string_view huge(static_cast<const char*>(pages), size);
  auto error_of = [](auto parse) {
    try {
      parse();
    } catch (const briefcast::Error& e) {
      CHECK(e.code() == briefcast::ExitCode::input);
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  CHECK(error_of([&] { parse_html(huge, "page.html"); }) ==
        "'page.html': 2 GiB or more (libxml2 reads less than 2 GiB)");
  CHECK(error_of([&] {
          parse_xml(huge, XmlReadOptions{"https://a.example/feed.xml", false});
        }) == "'https://a.example/feed.xml': 2 GiB or more (libxml2 reads less than 2 GiB)");
  CHECK(error_of([&] { parse_xml(huge); }) ==
        "markup document: 2 GiB or more (libxml2 reads less than 2 GiB)");
  ::munmap(pages, size);
}
