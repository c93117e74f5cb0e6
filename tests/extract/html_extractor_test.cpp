#include "extract/html_extractor.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "base/error.hpp"

using briefcast::Article;
using briefcast::BlockKind;
using briefcast::Error;
using briefcast::ExitCode;
using briefcast::extract_html;

namespace {

// Article-like paragraphs: long enough, with commas, as real ones are.
std::string paragraphs(int n, const std::string& word = "river") {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += "<p>Paragraph " + std::to_string(i) + " tells how the " + word +
           " rose in the night, how the town woke to it, and how the council met at dawn to "
           "decide what, if anything, could still be saved.</p>\n";
  }
  return out;
}

std::string page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html lang=\"en-GB\"><head>" + head + "</head><body>" + body +
         "</body></html>";
}

std::string all_text(const Article& a) {
  std::string out;
  for (const auto& b : a.blocks) out += b.text + "\n";
  return out;
}

bool has_block(const Article& a, BlockKind kind, const std::string& text) {
  for (const auto& b : a.blocks)
    if (b.kind == kind && b.text == text) return true;
  return false;
}

}  // namespace

TEST_CASE("the title loses its site-name suffix", "[html]") {
  const std::string body = "<article><h1>Flood closes bridge</h1>" + paragraphs(4) + "</article>";
  SECTION("known site name") {
    const Article a =
        extract_html(page("<title>Flood closes bridge | The Valley Courier</title>"
                          "<meta property=\"og:site_name\" content=\"The Valley Courier\">",
                          body),
                     "t.html");
    CHECK(a.title == "Flood closes bridge");
    CHECK(a.site_name == "The Valley Courier");
  }
  SECTION("short trailing segment after a dash") {
    const Article a = extract_html(
        page("<title>City council approves the new budget - Springfield Herald</title>",
             "<article>" + paragraphs(4) + "</article>"),
        "t.html");
    CHECK(a.title == "City council approves the new budget");
  }
  SECTION("og:title wins and the title is not repeated as the first heading") {
    const Article a =
        extract_html(page("<title>Something else entirely</title>"
                          "<meta property=\"og:title\" content=\"Flood closes bridge\">",
                          body),
                     "t.html");
    CHECK(a.title == "Flood closes bridge");
    REQUIRE(!a.blocks.empty());
    CHECK(a.blocks.front().text.rfind("Paragraph 0", 0) == 0);
  }
  SECTION("a title without a separator stays whole") {
    const Article a = extract_html(page("<title>Flood closes bridge</title>", body), "t.html");
    CHECK(a.title == "Flood closes bridge");
  }
}

TEST_CASE("metadata from meta tags and links", "[html]") {
  const Article a = extract_html(
      page("<title>T</title><meta name=\"author\" content=\"Jane Doe\">"
           "<meta property=\"article:published_time\" content=\"2019-11-18T10:30:00Z\">"
           "<link rel=\"canonical\" href=\"https://news.example/2019/flood\">"
           "<meta property=\"og:site_name\" content=\"Example News\">",
           "<article>" + paragraphs(3) + "</article>"),
      "m.html");
  CHECK(a.author == "Jane Doe");
  CHECK(a.date == "2019-11-18T10:30:00Z");
  CHECK(a.language == "en-GB");
  CHECK(a.canonical_url == "https://news.example/2019/flood");
  CHECK(a.site_name == "Example News");
}

TEST_CASE("metadata from JSON-LD, broken JSON-LD is ignored", "[html]") {
  const std::string ld = R"(<script type="application/ld+json">
    {"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"The Ledger"},
      {"@type":"NewsArticle","headline":"Markets calm after the storm",
       "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],
       "datePublished":"2020-03-04T08:00:00+01:00","url":"https://ledger.example/a/1"}]}
    </script>)";
  const Article a = extract_html(page(ld, "<main>" + paragraphs(3) + "</main>"), "ld.html");
  CHECK(a.title == "Markets calm after the storm");
  CHECK(a.author == "Ann Lee, Bo Chen");
  CHECK(a.date == "2020-03-04T08:00:00+01:00");
  CHECK(a.site_name == "The Ledger");
  CHECK(a.canonical_url == "https://ledger.example/a/1");

  const Article b = extract_html(page("<script type=\"application/ld+json\">{\"@type\": "
                                      "\"NewsArticle\", \"headline\": </script>"
                                      "<meta property=\"og:locale\" content=\"fr_FR\"><meta "
                                      "name=\"date\" content=\"November 5, 2019\">"
                                      "<title>Fallback title</title>",
                                      "<div class=\"story\">" + paragraphs(3) + "</div>"),
                                 "broken.html");
  CHECK(b.title == "Fallback title");
  CHECK(b.date == "2019-11-05");
}

TEST_CASE("navigation, share bars, related links, comments and scripts are dropped", "[html]") {
  const std::string body =
      "<header><a href=\"/\">Home</a> <a href=\"/world\">World</a></header>"
      "<nav><ul><li><a href=\"/a\">Politics section link</a></li></ul></nav>"
      "<div id=\"content\"><article class=\"post\">" +
      paragraphs(5) +
      "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a></div>"
      "<script>var tracking = 'Tracking script text';</script><style>p{color:red}</style>"
      "<div class=\"related-stories\"><h3>Related stories</h3><ul>"
      "<li><a href=\"/x\">Another story about something else entirely</a></li>"
      "<li><a href=\"/y\">Yet another story people also read today</a></li></ul></div>"
      "</article>"
      "<div id=\"comments\"><p>Great article, I loved reading it so much, thanks!</p></div>"
      "</div>"
      "<aside><p>Sidebar text that is not part of the article, about ads, and more.</p></aside>"
      "<footer><p>Copyright 2019, Example Media, all rights reserved.</p></footer>";
  const Article a = extract_html(page("<title>T</title>", body), "b.html");
  const std::string text = all_text(a);
  CHECK(text.find("Paragraph 0 tells") != std::string::npos);
  CHECK(text.find("Paragraph 4 tells") != std::string::npos);
  for (const char* junk :
       {"Home", "Politics section", "Share on Facebook", "Tracking script", "color:red",
        "Another story", "Great article", "Sidebar text", "Copyright"}) {
    INFO(junk);
    CHECK(text.find(junk) == std::string::npos);
  }
}

TEST_CASE("headings, list items and quotes keep their kind, entities and whitespace", "[html]") {
  const std::string body = "<article>" + paragraphs(2) +
                           "<h2>What   happens &amp; when</h2>"
                           "<ul><li>First, the water is pumped out of the cellars.</li>"
                           "<li>Then the roads are cleared of mud and debris.</li></ul>"
                           "<blockquote><p>We will rebuild, &ldquo;stronger than before&rdquo;, "
                           "said the mayor.</p></blockquote>" +
                           paragraphs(2, "lake") +
                           "<p>Line one of an address,<br>line two of it.<br><br>A new "
                           "paragraph after two breaks, with a comma.</p></article>";
  const Article a = extract_html(page("<title>T</title>", body), "s.html");
  CHECK(has_block(a, BlockKind::heading, "What happens & when"));
  CHECK(has_block(a, BlockKind::list_item, "First, the water is pumped out of the cellars."));
  CHECK(has_block(a, BlockKind::list_item, "Then the roads are cleared of mud and debris."));
  CHECK(
      has_block(a, BlockKind::quote,
                "We will rebuild, \xE2\x80\x9Cstronger than before\xE2\x80\x9D, said the mayor."));
  CHECK(has_block(a, BlockKind::paragraph, "Line one of an address, line two of it."));
  CHECK(has_block(a, BlockKind::paragraph, "A new paragraph after two breaks, with a comma."));
  // reading order
  std::size_t heading = 0, lake = 0;
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    if (a.blocks[i].kind == BlockKind::heading) heading = i;
    if (a.blocks[i].text.find("lake") != std::string::npos && lake == 0) lake = i;
  }
  CHECK(heading < lake);
  // offsets point at the block's text in the page
  for (std::size_t i = 1; i < a.blocks.size(); ++i)
    CHECK(a.blocks[i].source_offset >= a.blocks[i - 1].source_offset);
}

TEST_CASE("a page without article text is an input error", "[html]") {
  const std::string html =
      page("<title>Empty</title>", "<nav><a href=\"/\">Home</a></nav><script>x()</script>");
  try {
    extract_html(html, "empty.html");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::input);
    CHECK(std::string(e.what()) == "'empty.html': no article text found");
  }
  CHECK_THROWS_AS(extract_html("", "nothing.html"), Error);
  CHECK_THROWS_AS(extract_html(std::string(1000, '\0'), "zeros.bin"), Error);
}

TEST_CASE("charsets: meta, declared, repaired bytes", "[html]") {
  const std::string body = "<article>" + paragraphs(3) +
                           "<p>Caf\xE9 cr\xE8me for \x80 5, said the "
                           "owner, \x93"
                           "finally\x94.</p></article>";
  SECTION("meta charset windows-1252") {
    const Article a =
        extract_html(page("<meta charset=\"windows-1252\"><title>Caf\xE9</title>", body), "w.html");
    CHECK(a.title == "Caf\xC3\xA9");
    CHECK(all_text(a).find("Caf\xC3\xA9 cr\xC3\xA8me for \xE2\x82\xAC 5") != std::string::npos);
    CHECK(a.warnings.empty());
  }
  SECTION("declared UTF-8 over a page in Latin-1: repaired with a warning") {
    const Article a = extract_html(page("<title>T</title>", body), "l.html", "utf-8");
    CHECK(all_text(a).find("Caf\xC3\xA9 cr\xC3\xA8me") != std::string::npos);
    REQUIRE(a.warnings.size() == 1);
    CHECK(a.warnings[0].rfind("'l.html': ", 0) == 0);
  }
  SECTION("UTF-16LE with a byte order mark") {
    const std::string utf8 = page("<meta charset=\"utf-8\"><title>T</title>",
                                  "<article>" + paragraphs(3) + "</article>");
    std::string utf16 = "\xFF\xFE";
    for (char c : utf8) {
      utf16 += c;
      utf16 += '\0';
    }
    const Article a = extract_html(utf16, "u.html");
    CHECK(all_text(a).find("Paragraph 2 tells") != std::string::npos);
  }
}

TEST_CASE("10,000-deep nesting is walked without recursion", "[html]") {
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "<div>";
  deep += paragraphs(3, "deep");
  for (int i = 0; i < 10000; ++i) deep += "</div>";
  deep += "<p>After the nesting, the story goes on, as stories do, with a comma or two.</p>";
  const Article a = extract_html(page("<title>Deep</title>", deep), "deep.html");
  const std::string text = all_text(a);
  CHECK(text.find("Paragraph 2 tells how the deep") != std::string::npos);

  // unclosed tags nest as deep as they go, too
  std::string open_only;
  for (int i = 0; i < 10000; ++i) open_only += "<span><b>";
  open_only += paragraphs(3);
  CHECK(all_text(extract_html(page("<title>x</title>", open_only), "open.html"))
            .find("Paragraph 1") != std::string::npos);
}

TEST_CASE("a 20 MB page and broken markup", "[html]") {
  std::string big = "<html><head><title>Big</title></head><body>";
  big.reserve(21u << 20);
  // link farm and boilerplate around one article
  while (big.size() < (10u << 20))
    big += "<div class=\"menu\"><a href=\"/x\">A link in a very long menu of links</a></div>\n";
  big += "<article>" + paragraphs(50) + "</article>";
  while (big.size() < (20u << 20))
    big += "<div><p>Filler, filler, filler text, with commas.</p></div>\n";
  const Article a = extract_html(big, "big.html");
  CHECK(all_text(a).find("Paragraph 49 tells") != std::string::npos);

  // unclosed paragraphs, stray end tags, a truncated tail
  const std::string broken =
      "<html><body><div class=content><p>First paragraph, unclosed, and long enough to count as "
      "text<p>Second paragraph, also unclosed, with commas, many of them, here</div></span>"
      "<p>Third, after a stray end tag, still part of the story, we hope.<p>Tail <b>cut";
  const Article b = extract_html(broken, "broken.html");
  CHECK(all_text(b).find("Second paragraph") != std::string::npos);
}
