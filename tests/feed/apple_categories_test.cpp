// Apple's category list as feed definitions are checked against it: exact spelling, subcategories
// only under their own category.
#include "feed/apple_categories.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace briefcast;

TEST_CASE("Apple categories are checked with their subcategories", "[sources]") {
  CHECK(is_apple_category("News"));
  CHECK(is_apple_category("News", "Tech News"));
  CHECK(is_apple_category("Business", "Investing"));
  CHECK(is_apple_category("Science", "Astronomy"));
  CHECK(is_apple_category("Technology"));
  CHECK(is_apple_category("Health & Fitness", "Mental Health"));
  CHECK_FALSE(is_apple_category("Technology", "Tech News"));
  CHECK_FALSE(is_apple_category("news"));
  CHECK_FALSE(is_apple_category("Science", "Daily News"));
}

TEST_CASE("the category list is Apple's, looked up by exact name", "[sources]") {
  const auto& all = apple_categories();
  REQUIRE(all.size() == 19);
  CHECK(std::string(all.front().name) == "Arts");
  CHECK(std::string(all.back().name) == "TV & Film");
  const AppleCategory* news = find_apple_category("News");
  REQUIRE(news);
  CHECK(news->subcategories.size() == 7);
  CHECK(std::string(news->subcategories[1]) == "Daily News");
  CHECK(find_apple_category("History")->subcategories.empty());
  CHECK_FALSE(find_apple_category("Technology "));
  CHECK_FALSE(find_apple_category(""));
  CHECK(is_apple_category("TV & Film", "Film Reviews"));
  CHECK_FALSE(is_apple_category("TV & Film", "Film"));
}
