#include "extract/news_clutter.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

TEST_CASE("news clutter: reading prompts, credit lines and media captions", "[text]") {
  CHECK(news_furniture("Continue reading the main story") == "reading prompt");
  CHECK(news_furniture("Story continues below") == "reading prompt");
  CHECK(news_furniture("Advertisement") == "reading prompt");
  CHECK(news_furniture("Reporting by Tom Lee; Editing by Ann Poe") == "credit line");
  CHECK(news_furniture("Sam Kim contributed to this report.") == "credit line");
  CHECK(news_furniture("Follow AP's full coverage of Brexit at apnews.com") == "credit line");
  CHECK(news_furniture("Image 1 of 4") == "media caption");
  CHECK(news_furniture("Image 1 of / 1") == "media caption");
  CHECK(news_furniture("Main image credit: John Roe") == "media caption");
  CHECK(news_furniture("(Graphic: Bridge costs over time)") == "media caption");
  CHECK(news_furniture("(Getty Images)") == "media caption");
  // Story text stays.
  CHECK_FALSE(news_furniture("Advertisements for tobacco are banned."));
  CHECK_FALSE(news_furniture("The image of the city changed."));
  CHECK_FALSE(news_furniture("Reporting the news is hard."));
}

TEST_CASE("news clutter: inline media pointers and hover-card names", "[text]") {
  CHECK(strip_inline_clutter("Costs rose. (Graphic: Bridge costs over time) Then fell.") ==
        "Costs rose. Then fell.");
  CHECK(strip_inline_clutter("The mayor (Photo: AP) spoke.") == "The mayor spoke.");
  CHECK(strip_inline_clutter("The mayor, Jane SmithJane Smith, said so.") ==
        "The mayor, Jane Smith, said so.");
  CHECK(strip_inline_clutter("Met Kim Lee-Kim Lee today.") == "Met Kim Lee-Kim Lee today.");
  CHECK(strip_inline_clutter("The index (HSI) rose (sharply).") ==
        "The index (HSI) rose (sharply).");
}

TEST_CASE("news clutter: bylines, reading times, time stamps and exchange tickers", "[text]") {
  CHECK(news_furniture("By Reuters") == "byline");
  CHECK(news_furniture("By Jane Doe and John Roe") == "byline");
  CHECK(news_furniture("Jane Doe · 3 min read") == "byline");
  CHECK(news_furniture("Updated 10:42 AM EST, Tue November 24, 2026") == "time stamp");
  CHECK(news_furniture("Published 2 hours ago") == "time stamp");
  // Story text that starts the same way stays.
  CHECK_FALSE(news_furniture("By the end of the year the bridge should be open."));
  CHECK_FALSE(news_furniture("Updated figures show prices rose."));
  CHECK_FALSE(
      news_furniture("Posted guards stood at every gate for 3 days and nights while the "
                     "city waited for news of the talks, officials said on Monday."));
  CHECK(strip_inline_clutter("Boeing (NYSE: BA) and Apple (Nasdaq: AAPL) rose.") ==
        "Boeing and Apple rose.");
  CHECK(strip_inline_clutter("BP (LSE: BP.L) fell.") == "BP fell.");
  // A bracket that is not a ticker stays.
  CHECK(strip_inline_clutter("The plan (Phase: two) works.") == "The plan (Phase: two) works.");
}

TEST_CASE("news clutter: newsletter boxes", "[text]") {
  CHECK(news_furniture("Get our free morning newsletter delivered to your inbox.") ==
        "reading prompt");
  CHECK(news_furniture("Enter your email address") == "reading prompt");
  CHECK(news_furniture("Want the news first? Subscribe to the Daily Brief newsletter.") ==
        "reading prompt");
  CHECK_FALSE(news_furniture("The newsletter's founder said the paper would close in March."));
}

TEST_CASE("news clutter: screen-reader picture labels and rules", "[text]") {
  CHECK(news_furniture("Image copyright EPA") == "media caption");
  CHECK(news_furniture("Image caption Crews cleared roads on Monday") == "media caption");
  CHECK(news_furniture("Getty Images") == "media caption");
  CHECK(news_furniture("___") == "separator");
  CHECK(news_furniture("* * *") == "separator");
  CHECK_FALSE(news_furniture("Copyright law changed in 2019."));
  CHECK_FALSE(news_furniture("42"));
}

TEST_CASE("news clutter: a bare date and time, an agency's name alone", "[text]") {
  CHECK(news_furniture("Nov. 20, 2019, 9:28 AM UTC") == "time stamp");
  CHECK(news_furniture("Tuesday 19 November 2019 10:42 GMT") == "time stamp");
  CHECK(news_furniture("Reuters") == "credit line");
  CHECK(news_furniture("The Associated Press.") == "credit line");
  CHECK_FALSE(news_furniture("Nov. 20, 2019"));            // a date alone may be a dateline's
  CHECK_FALSE(news_furniture("The vote is at 9:30 AM."));  // a sentence
  CHECK_FALSE(news_furniture("Reuters reported the deal on Monday."));
}
