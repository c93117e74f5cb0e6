#include "extract/scraped_cleaner.hpp"

#include <catch2/catch.hpp>

#include "text/article.hpp"

using namespace briefcast;

namespace {

std::vector<std::string> texts(const Article& a) {
  std::vector<std::string> out;
  for (auto& b : a.blocks) out.push_back(b.text);
  return out;
}

using V = std::vector<std::string>;

const std::string kPara =
    "The council voted on Monday to fund the new bridge across the river, ending a debate that "
    "had lasted more than a decade.";

}  // namespace

TEST_CASE("scraped: title from the first line, repeats dropped", "[text]") {
  Article a = clean_scraped_text("Bridge Vote Passes\n\nBridge vote passes!\n\n" + kPara + "\n");
  CHECK(a.title == "Bridge Vote Passes");
  CHECK(texts(a) == V{kPara});
}

TEST_CASE("scraped: a first line ending with a period is not a title", "[text]") {
  Article a = clean_scraped_text("It rained.\n\n" + kPara);
  CHECK(a.title.empty());
  CHECK(texts(a) == V{"It rained.", kPara});
}

TEST_CASE("scraped: wrapped lines join, blank lines separate paragraphs", "[text]") {
  Article a = clean_scraped_text(
      "Title\n\nThe council voted on Monday to fund the new\nbridge across the river.\n\n"
      "Second paragraph here.\r\n");
  CHECK(texts(a) == V{"The council voted on Monday to fund the new bridge across the river.",
                      "Second paragraph here."});
  CHECK(a.blocks[0].source_offset == 7);
}

TEST_CASE("scraped: a short line is its own block, not glued to the next", "[text]") {
  Article a = clean_scraped_text("Title\n\n" + kPara + "\nShort label\nAnother short one\n");
  CHECK(texts(a) == V{kPara, "Short label", "Another short one"});
}

TEST_CASE("scraped: counters, breadcrumbs and share rows are dropped", "[text]") {
  Article a = clean_scraped_text(
      "Title\n\n0\n\n12 Comments\n\nHome > News > Africa\n\nShare on Facebook | Tweet | Email\n\n"
      "(3)\n\n4 min read\n\n" +
      kPara);
  CHECK(texts(a) == V{kPara});
}

TEST_CASE("scraped: comment forms and everything short after them are dropped", "[text]") {
  Article a = clean_scraped_text(
      "Title\n\n" + kPara +
      "\n\nLeave a Reply\nCancel reply\n\nYour email address will not be published. Required "
      "fields are marked *\n\nName *\n\nEmail *\n\nWebsite\n\nSave my name, email, and website in "
      "this browser for the next time I comment.\n\nPost Comment\n\nGreat piece!\n");
  CHECK(texts(a) == V{kPara});
}

TEST_CASE("scraped: author boxes, newsletters, prev/next links, tags, ads and copyright",
          "[text]") {
  Article a = clean_scraped_text(
      "Title\n\n" + kPara +
      "\n\nAdvertisement\n\nSign up for our newsletter to get the news first\n\n"
      "Previous article: Floods hit the north\n\nNext post\n\nTags: Bridge, Council, River\n\n"
      "\u00A9 2024 Daily Example Ltd. All rights reserved.\n\nAbout the author\n\n"
      "Jane Doe covers city hall.\n");
  CHECK(texts(a) == V{kPara});
}

TEST_CASE("scraped: bylines and agency credits become the author", "[text]") {
  Article a = clean_scraped_text("Title\n\nBy Jane Doe, Staff Writer | May 2, 2024\n\n" + kPara);
  CHECK(a.author == "Jane Doe");
  CHECK(texts(a) == V{kPara});
  Article b = clean_scraped_text("Title\n\n" + kPara + "\n\n  \u2022 An AFP report\n");
  CHECK(b.author == "AFP");
  CHECK(texts(b) == V{kPara});
  // "By" opening an ordinary sentence is body text.
  Article c = clean_scraped_text("Title\n\nBy Monday, the vote was done.\n");
  CHECK(c.author.empty());
  CHECK(texts(c) == V{"By Monday, the vote was done."});
}

TEST_CASE("scraped: photo credits leave the body and are noted", "[text]") {
  Article a = clean_scraped_text("Title\n\nPhoto: John Roe/Getty Images\n\n" + kPara);
  CHECK(texts(a) == V{kPara});
  REQUIRE(a.dropped.size() == 1);
  CHECK(a.dropped[0].line == 3);
  CHECK(a.dropped[0].text == "Photo: John Roe/Getty Images");
  CHECK(a.dropped[0].reason == "photo credit");
}

TEST_CASE("scraped: plain text without scrape signs is spoken as written", "[text]") {
  // A lone counter or "Advertisement" line is kept when nothing else says "scraped page".
  Article a = clean_scraped_text("Title\n\n0\n\n" + kPara);
  CHECK(texts(a) == V{"0", kPara});
  CHECK(a.dropped.empty());
  // With a repeated title, the same counter is furniture.
  Article b = clean_scraped_text("Title\n\n0\n\nTitle\n\n" + kPara);
  CHECK(texts(b) == V{kPara});
  REQUIRE(b.dropped.size() == 2);
  CHECK(b.dropped[0].reason == "boilerplate");
  CHECK(b.dropped[0].line == 3);
  CHECK(b.dropped[1].reason == "repeats the title");
  CHECK(shows_scrape_signs("T\n\nLeave a Reply\n\n" + kPara));
  CHECK(shows_scrape_signs("T\n\nShare this\n\n12 Comments\n\n" + kPara));
  CHECK_FALSE(shows_scrape_signs("T\n\nAdvertisement\n\n" + kPara));
}

TEST_CASE("scraped: a one-line or one-paragraph input is never emptied", "[text]") {
  Article a = clean_scraped_text("I live in the U.S. How about you?\n");
  CHECK(texts(a) == V{"I live in the U.S. How about you?"});
  CHECK(a.title == "I live in the U.S. How about you?");
  CHECK(texts(clean_scraped_text("2 km")) == V{"2 km"});
  CHECK(texts(clean_scraped_text("0\n")) == V{"0"});
  Article b = clean_scraped_text("Title\n\n2012\n");
  CHECK(b.title == "Title");
  CHECK(texts(b) == V{"2012"});
  CHECK(b.date.empty());
  CHECK(texts(clean_scraped_text("Title\n\nMay 2, 2024\n")) == V{"May 2, 2024"});
  CHECK(texts(clean_scraped_text("Title\n\nBy Jane Doe\n")) == V{"By Jane Doe"});
}

TEST_CASE("scraped: a real paragraph is never dropped", "[text]") {
  const std::string long_share =
      "Share your views with the council before Friday, officials said, because the bridge "
      "budget will be fixed at the next meeting and cannot be changed after that date at all.";
  const std::string three = "Tags: none. It was quiet. Nobody came.";
  Article a = clean_scraped_text("Title\n\nLeave a Reply\n\n" + long_share + "\n\n" + three + "\n");
  CHECK(texts(a) == V{long_share, three});
}

TEST_CASE("scraped: unicode is tidied and list lines become list items", "[text]") {
  Article a = clean_scraped_text(
      "Title\n\nMali\u2019s army \u2014 officials said \u2014 moved.\n\n\u2022 First point\n"
      "\u2022 Second point\n");
  REQUIRE(a.blocks.size() == 3);
  // The article's own typography stays; the script tidies it for speech.
  CHECK(a.blocks[0].text == "Mali\u2019s army \u2014 officials said \u2014 moved.");
  CHECK(a.blocks[1].kind == BlockKind::list_item);
  CHECK(a.blocks[1].text == "First point");
  CHECK(a.blocks[2].text == "Second point");
}

TEST_CASE("scraped: a short unpunctuated line before a paragraph is a heading", "[text]") {
  Article a = clean_scraped_text("Title\n\nWhat happens next\n\n" + kPara);
  REQUIRE(a.blocks.size() == 2);
  CHECK(a.blocks[0].kind == BlockKind::heading);
  CHECK(a.blocks[1].kind == BlockKind::paragraph);
}

TEST_CASE("scraped: empty and junk input give an empty article", "[text]") {
  CHECK(clean_scraped_text("").blocks.empty());
  CHECK(clean_scraped_text("\n\n \u00A0\n").blocks.empty());
  CHECK(clean_scraped_text(std::string("\xFF\xFE\0\x01", 4)).blocks.empty());
}

TEST_CASE("render_clean_text: title, blank line, blocks separated by blank lines", "[text]") {
  Article a;
  a.title = "T";
  a.blocks = {{BlockKind::paragraph, "One.", 0}, {BlockKind::list_item, "Two", 5}};
  CHECK(render_clean_text(a) == "T\n\nOne.\n\n- Two\n");
  a.title.clear();
  CHECK(render_clean_text(a) == "One.\n\n- Two\n");
  CHECK(render_clean_text(Article{}).empty());
}

TEST_CASE("scraped: a dateline on its own becomes the date", "[text]") {
  Article a = clean_scraped_text("Title\n\nPublished: March 3, 2024 10:30 am\n\n" + kPara);
  CHECK(a.date == "2024-03-03");
  CHECK(texts(a) == V{kPara});
  CHECK(clean_scraped_text("T\n\n2 May 2024\n\n" + kPara).date == "2024-05-02");
  CHECK(clean_scraped_text("T\n\nUpdated 2024-05-02\n\n" + kPara).date == "2024-05-02");
  // A sentence that mentions a date is body text.
  Article b = clean_scraped_text("T\n\nMay 2, 2024 was wet\n\n" + kPara);
  CHECK(b.date.empty());
  CHECK(texts(b).size() == 2);
  CHECK(clean_scraped_text("T\n\n2024-05-02 was wet\n\n" + kPara).date.empty());
}
