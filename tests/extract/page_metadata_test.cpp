#include "extract/page_metadata.hpp"

#include <catch2/catch.hpp>

#include "markup/markup_tree.hpp"

using namespace briefcast;

namespace {
PageMetadata metadata_of(const std::string& html) {
  const MarkupDocument doc = parse_html(html, "page.html");
  return read_page_metadata(*doc.root());
}
}  // namespace

TEST_CASE("dates become ISO 8601 when recognizable", "[html]") {
  CHECK(iso_date("2019-11-18T10:00:00Z") == "2019-11-18T10:00:00Z");
  CHECK(iso_date("2019/11/18") == "2019-11-18");
  CHECK(iso_date("20191118") == "2019-11-18");
  CHECK(iso_date("November 18, 2019") == "2019-11-18");
  CHECK(iso_date("Mon, 18th Nov. 2019") == "2019-11-18");
  CHECK(iso_date("2019/13/40") == "2019/13/40");
  CHECK(iso_date("yesterday") == "yesterday");
}

TEST_CASE("site-name suffixes and prefixes leave the title", "[html]") {
  CHECK(strip_site_suffix("Floods close the valley road | The Valley Times", "The Valley Times") ==
        "Floods close the valley road");
  CHECK(strip_site_suffix("Floods close the valley road - Valley News", "") ==
        "Floods close the valley road");
  CHECK(strip_site_suffix("Valley Times | Floods close the road", "valley times") ==
        "Floods close the road");
  CHECK(strip_site_suffix("Rain - a history of weather in ten chapters", "") ==
        "Rain - a history of weather in ten chapters");
  // Twice at most, the second time by the word-count rule only.
  CHECK(strip_site_suffix("A story \xE2\x80\x94 Section \xE2\x80\x94 Site", "Site") ==
        "A story \xE2\x80\x94 Section");
  CHECK(strip_site_suffix("Floods close the road \xE2\x80\x94 Weather \xE2\x80\x94 Site", "Site") ==
        "Floods close the road");
}

TEST_CASE("meta tags, links and the document give candidate values", "[html]") {
  const PageMetadata m = metadata_of(
      "<html lang=\"en_GB\"><head><title> Doc  title </title>"
      "<meta property=\"og:title\" content=\" OG \n title \">"
      "<meta property=\"og:title\" content=\"second\">"
      "<meta name=\"author\" content=\"https://example.org/me\">"
      "<meta name=\"DC.creator\" content=\"Jane Doe\">"
      "<meta http-equiv=\"Content-Language\" content=\"fr\">"
      "<meta property=\"article:published_time\" content=\"2024-03-01T08:00:00Z\">"
      "<link rel=\"Canonical\" href=\" https://example.org/a \"></head>"
      "<body><h1>Head <i>one</i></h1><h1>two</h1><a rel=\"author\" href=\"#\">By Sam</a>"
      "</body></html>");
  CHECK(m.og_title == "OG title");
  CHECK(m.doc_title == "Doc title");
  CHECK(m.author == "Jane Doe");  // URLs are not names
  CHECK(m.lang == "en_GB");
  CHECK(m.content_language == "fr");
  CHECK(m.date == "2024-03-01T08:00:00Z");
  CHECK(m.canonical == "https://example.org/a");
  CHECK(m.h1 == "Head one");
  CHECK(m.h1_count == 2);
  CHECK(m.byline == "By Sam");
}

TEST_CASE("JSON-LD articles and websites, broken JSON-LD is ignored", "[html]") {
  const PageMetadata m = metadata_of(
      "<html><head><script type=\"application/ld+json\">{broken</script>"
      "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"WebSite\", \"name\": "
      "\"The Site\"}, {\"@type\": [\"NewsArticle\"], \"headline\": \"LD head\", \"author\": "
      "[{\"name\": \"A\"}, {\"name\": \"B\"}, \"A\"], \"datePublished\": \"2020-02-02\", "
      "\"mainEntityOfPage\": {\"@id\": \"https://example.org/ld\"}}]}</script></head></html>");
  CHECK(m.ld_headline == "LD head");
  CHECK(m.ld_author == "A, B");
  CHECK(m.ld_date == "2020-02-02");
  CHECK(m.ld_site == "The Site");
  CHECK(m.ld_url == "https://example.org/ld");
}

TEST_CASE("article_metadata picks one value per field in order of trust", "[html]") {
  PageMetadata m;
  m.doc_title = "Floods close the valley road | Valley Times";
  m.h1 = "Floods";
  m.h1_count = 2;
  m.ld_site = "Valley Times";
  m.byline = "By  Sam Lee";
  m.date = "March 3, 2024";
  m.og_locale = "en_US";
  m.canonical = "/relative";
  m.og_url = "https://valley.example/floods";
  Article a = article_metadata(m);
  CHECK(a.title == "Floods close the valley road");
  CHECK(a.site_name == "Valley Times");
  CHECK(a.author == "Sam Lee");
  CHECK(a.date == "2024-03-03");
  CHECK(a.language == "en-US");
  CHECK(a.canonical_url == "https://valley.example/floods");
  CHECK(a.blocks.empty());

  m.h1_count = 1;  // a single <h1> outranks <title>
  CHECK(article_metadata(m).title == "Floods");
  m.og_title = "OG wins";
  CHECK(article_metadata(m).title == "OG wins");
}
