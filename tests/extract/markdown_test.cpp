#include "extract/markdown.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

namespace {

using V = std::vector<std::string>;

std::vector<std::string> texts(const Article& a) {
  std::vector<std::string> out;
  for (auto& b : a.blocks) out.push_back(b.text);
  return out;
}

std::vector<BlockKind> kinds(const Article& a) {
  std::vector<BlockKind> out;
  for (auto& b : a.blocks) out.push_back(b.kind);
  return out;
}

}  // namespace

TEST_CASE("markdown: front matter gives metadata", "[text]") {
  Article a = parse_markdown(
      "---\ntitle: \"Bridge vote\"\nauthor: 'Jane Doe'\ndate: 2024-05-02\nlang: en-GB\n"
      "tags: [a, b]\n---\n# Heading One\n\nBody text.\n");
  CHECK(a.title == "Bridge vote");
  CHECK(a.author == "Jane Doe");
  CHECK(a.date == "2024-05-02");
  CHECK(a.language == "en-GB");
  CHECK(texts(a) == V{"Heading One", "Body text."});
  CHECK(kinds(a) == std::vector{BlockKind::heading, BlockKind::paragraph});
  Article b = parse_markdown("---\nauthors:\n  - Ann Lee\n  - Bo Chan\n---\nText.\n");
  CHECK(b.author == "Ann Lee");
}

TEST_CASE("markdown: the first heading becomes the title without front matter", "[text]") {
  Article a = parse_markdown("# The *Big* Story #\n\nFirst paragraph.\n\n## Part two\n\nMore.\n");
  CHECK(a.title == "The Big Story");
  CHECK(texts(a) == V{"First paragraph.", "Part two", "More."});
  CHECK(kinds(a)[1] == BlockKind::heading);
}

TEST_CASE("markdown: Setext headings", "[text]") {
  Article a =
      parse_markdown("Main Title\n==========\n\nIntro line\none more.\n\nSection\n---\n\nEnd.\n");
  CHECK(a.title == "Main Title");
  CHECK(texts(a) == V{"Intro line one more.", "Section", "End."});
  CHECK(kinds(a) == std::vector{BlockKind::paragraph, BlockKind::heading, BlockKind::paragraph});
}

TEST_CASE("markdown: emphasis removed, links become their text", "[text]") {
  Article a = parse_markdown(
      "Some **bold**, *italic*, __strong__, _em_ and ~~gone~~ text; snake_case and 2*3 stay.\n\n"
      "See [the report](https://example.com/r?a=(1) \"t\") and [docs][d] or [d].\n\n"
      "[d]: https://example.com/docs\n");
  CHECK(texts(a) == V{"Some bold, italic, strong, em and gone text; snake_case and 2*3 stay.",
                      "See the report and docs or d."});
}

TEST_CASE("markdown: images dropped, autolinks keep the address, code spans their text", "[text]") {
  Article a = parse_markdown(
      "![A chart](chart.png) Sales rose ![x][img].\n\nMail <mailto:a@b.org> or <https://x.org>.\n\n"
      "Run `make  all` now; \\*not emphasis\\*.\n\n![only an image](i.png)\n\n[img]: i.png\n");
  CHECK(texts(a) ==
        V{"Sales rose.", "Mail a@b.org or https://x.org.", "Run make all now; *not emphasis*."});
}

TEST_CASE("markdown: lists become list items", "[text]") {
  Article a = parse_markdown(
      "Intro:\n\n- one\n- two\n  continued\n  - nested\n* [x] done task\n\n1. first\n2) second\n");
  CHECK(texts(a) == V{"Intro:", "one", "two continued", "nested", "done task", "first", "second"});
  CHECK(kinds(a)[1] == BlockKind::list_item);
  CHECK(kinds(a)[6] == BlockKind::list_item);
}

TEST_CASE("markdown: a numbered line only interrupts a paragraph from 1", "[text]") {
  Article a = parse_markdown("The year was\n1999. It rained.\n");
  CHECK(texts(a) == V{"The year was 1999. It rained."});
}

TEST_CASE("markdown: block quotes become quote blocks", "[text]") {
  Article a = parse_markdown("> Quoted *words*\nlazy line\n>\n> second para\n\nAfter.\n");
  CHECK(texts(a) == V{"Quoted words lazy line", "second para", "After."});
  CHECK(kinds(a) == std::vector{BlockKind::quote, BlockKind::quote, BlockKind::paragraph});
}

TEST_CASE("markdown: code blocks, comments, HTML and rules are skipped", "[text]") {
  Article a = parse_markdown(
      "Before.\n\n```cpp\nint x = 1;\n```\n\n    indented code\n\n<!-- hidden\nnote -->\n\n"
      "<script>\nalert(1)\n</script>\n\n***\n\nInline <b>tag</b> <!-- c --> here &amp; now.\n\n"
      "~~~\nunclosed fence\n");
  CHECK(texts(a) == V{"Before.", "Inline tag here & now."});
}

TEST_CASE("markdown: tables are skipped with a warning", "[text]") {
  Article a = parse_markdown("Data:\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\nAfter.\n");
  CHECK(texts(a) == V{"Data:", "After."});
  REQUIRE(a.warnings.size() == 1);
  CHECK(a.warnings[0] == "skipped 1 table");
}

TEST_CASE("markdown: footnotes and hard breaks", "[text]") {
  Article a = parse_markdown("Claim[^1] here\\\nand there  \nend.\n\n[^1]: Source.\n");
  CHECK(texts(a) == V{"Claim here and there end."});
}

TEST_CASE("markdown: source offsets point at each block's first line", "[text]") {
  std::string doc = "# T\n\nPara one.\n\n- item\n";
  Article a = parse_markdown(doc);
  REQUIRE(a.blocks.size() == 2);
  CHECK(a.blocks[0].source_offset == doc.find("Para"));
  CHECK(a.blocks[1].source_offset == doc.find("- item"));
}

TEST_CASE("markdown: empty and odd input never throw", "[text]") {
  CHECK(parse_markdown("").blocks.empty());
  CHECK(parse_markdown("---\n").blocks.empty());
  CHECK(parse_markdown("[[[(((**__``").blocks.size() == 1);
  CHECK(parse_markdown(std::string("\xFF\0#", 3)).blocks.size() <= 1);
}

TEST_CASE("markdown: pathological nesting and brackets finish without overflow", "[text]") {
  std::string quotes(20000, '>');
  quotes += " deep";
  Article q = parse_markdown(quotes);
  REQUIRE(q.blocks.size() == 1);
  CHECK(q.blocks[0].kind == BlockKind::quote);
  std::string brackets(20000, '[');
  brackets += std::string(20000, ']');
  CHECK(parse_markdown(brackets).blocks.size() == 1);
  std::string ticks;
  for (int i = 0; i < 50000; ++i) ticks += "` a ";
  CHECK(parse_markdown(ticks).blocks.size() == 1);
}

TEST_CASE("markdown: a later heading is never the title, and nothing is spoken twice", "[text]") {
  // A file opening with plain text: its "---" underlined line further down is a section heading.
  Article a = parse_markdown("Notes from the meeting.\n\nBudget\n---\n\nIt passed.\n");
  CHECK(a.title.empty());
  CHECK(texts(a) == V{"Notes from the meeting.", "Budget", "It passed."});
  CHECK(kinds(a)[1] == BlockKind::heading);
  // A heading alone is the body (and the title): never emptied.
  Article b = parse_markdown("# Only a heading\n");
  CHECK(b.title == "Only a heading");
  CHECK(texts(b) == V{"Only a heading"});
}

// CommonMark rules whose outcome a listener hears, written as cases of our own.
TEST_CASE("markdown: CommonMark cases that matter for speech", "[text]") {
  struct Case {
    const char* markdown;
    V spoken_blocks;
  } cases[] = {
      // Entities and numeric references are decoded; escapes give the character.
      {"AT&amp;T paid &#36;5 &copy; 2024.\n", {"AT&T paid $5 \u00A9 2024."}},
      {"1\\. not a list\n", {"1. not a list"}},
      // Code spans bind before emphasis; their text is heard.
      {"*see `a*b` here*\n", {"see a*b here"}},
      // Underscores inside words are not emphasis.
      {"snake_case_name and foo_bar_\n", {"snake_case_name and foo_bar_"}},
      // Emphasis markers that do not open or close stay as written.
      {"a * b * c\n", {"a * b * c"}},
      {"**strong *and em* text**\n", {"strong and em text"}},
      // A thematic break after a blank line is not a heading underline.
      {"Intro line.\n\n---\n\nAfter the rule.\n", {"Intro line.", "After the rule."}},
      // Four spaces of indentation is code: not spoken.
      {"Said:\n\n    rm -rf /\n\nDone.\n", {"Said:", "Done."}},
      // But inside a paragraph, indented continuation lines are text.
      {"first line\n    continued here\n", {"first line continued here"}},
      // Hard breaks (two spaces, backslash) are spaces.
      {"one  \ntwo\\\nthree\n", {"one two three"}},
      // Links: inline, with a title, collapsed and shortcut references.
      {"[Read](http://x.org \"Title\") it, [also][] and [this].\n\n[also]: /a\n[this]: /b\n",
       {"Read it, also and this."}},
      // An undefined reference is literal text.
      {"[not a link] here\n", {"[not a link] here"}},
      // GitHub autolinks: bare www. and http addresses are read as written, no trailing dot.
      {"Visit www.example.com. Or https://example.org/x!\n",
       {"Visit www.example.com. Or https://example.org/x!"}},
      // HTML blocks are skipped; inline HTML leaves its text.
      {"<div class=\"ad\">\nBuy now\n</div>\n\nReal text with <em>stress</em>.\n",
       {"Real text with stress."}},
      // Ordered list starting at another number; items keep their own text.
      {"3. third\n4. fourth\n", {"third", "fourth"}},
      // Task list boxes are not read.
      {"- [ ] open\n- [x] closed\n", {"open", "closed"}},
      // Nested quote with a list: all quote blocks.
      {"> - quoted item\n> > deeper\n", {"quoted item", "deeper"}},
      // Tabs and Windows line ends.
      {"Line one\r\nline two\r\n\r\nNext.\r\n", {"Line one line two", "Next."}},
      // Fenced code with a longer closing fence; tilde fences too.
      {"````\n```\ninside\n````\n~~~ py\nx = 1\n~~~\nText.\n", {"Text."}},
      // Footnotes: the reference is silent and the definition not read in the body.
      {"Claim[^n].\n\n[^n]: The source.\n", {"Claim."}},
      // Strike-through gives its words.
      {"Price ~~was~~ is low.\n", {"Price was is low."}},
  };
  for (auto& c : cases) {
    INFO(c.markdown);
    CHECK(texts(parse_markdown(c.markdown)) == c.spoken_blocks);
  }
}
