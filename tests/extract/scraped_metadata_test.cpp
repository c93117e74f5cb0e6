#include "extract/scraped_metadata.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

TEST_CASE("bylines give the name, cut before roles and dates", "[text]") {
  CHECK(byline_name("By Jane Doe") == "Jane Doe");
  CHECK(byline_name("By Jane Doe, Staff Writer | May 2, 2024") == "Jane Doe");
  CHECK(byline_name("Written by Ana de la Cruz - Updated 3 May") == "Ana de la Cruz");
  CHECK(byline_name("Author: Jane Doe and John Roe") == "Jane Doe and John Roe");
  CHECK(byline_name("An AFP report") == "AFP");
  CHECK(byline_name("by \u00C9mile Zola") == "\u00C9mile Zola");
  CHECK_FALSE(byline_name("By Monday, the vote was done."));
  CHECK_FALSE(byline_name("By the river"));
  CHECK_FALSE(byline_name("Jane Doe"));
}

TEST_CASE("photo credits by opening or by agency ending", "[text]") {
  CHECK(is_photo_credit("Photo: John Roe/Getty Images"));
  CHECK(is_photo_credit("(Photo by John Roe)"));
  CHECK(is_photo_credit("IMAGE CREDIT: Example"));
  CHECK(is_photo_credit("John Roe/Reuters"));
  CHECK(is_photo_credit("Jane Doe via Getty Images"));
  CHECK_FALSE(is_photo_credit("Photographers gathered outside."));
  std::string long_caption = "Photo:";
  for (int i = 0; i < 20; ++i) long_caption += " word";
  CHECK_FALSE(is_photo_credit(long_caption));  // 21 words: a caption, not a credit
}

TEST_CASE("a dateline alone gives its date as YYYY-MM-DD", "[text]") {
  CHECK(standalone_date("May 2, 2024") == "2024-05-02");
  CHECK(standalone_date("2 May 2024") == "2024-05-02");
  CHECK(standalone_date("Published: 2024-05-02 10:30") == "2024-05-02");
  CHECK(standalone_date("Updated Monday March 3, 2024 10:30 am") == "2024-03-03");
  CHECK(standalone_date("posted on Sept. 9, 2023, 8:05 p.m. EDT") == "2023-09-09");
  CHECK_FALSE(standalone_date("May 2, 2024 was wet"));
  CHECK_FALSE(standalone_date("2024-05-02 was wet"));
  CHECK_FALSE(standalone_date("2024-13-02"));
  CHECK_FALSE(standalone_date("May 2"));
  CHECK_FALSE(standalone_date("Maybe 2, 1800"));
}
