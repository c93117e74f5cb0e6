#include "extract/scraped_furniture.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

TEST_CASE("furniture: labels, openings and counters, in any case", "[text]") {
  CHECK(is_boilerplate("Leave a Reply"));
  CHECK(is_boilerplate("ADVERTISEMENT"));
  CHECK(is_boilerplate("Name *"));
  CHECK(is_boilerplate("Read more..."));
  CHECK(is_boilerplate("Tags: Bridge, Council"));
  CHECK(is_boilerplate("Your email address will not be published. Required fields are marked *"));
  CHECK(is_boilerplate("12 Comments"));
  CHECK(is_boilerplate("(4)"));
  CHECK(is_boilerplate("5 min read"));
  CHECK(is_boilerplate("0"));
  CHECK(is_boilerplate(" . "));             // nothing left once the trailing dots are gone
  CHECK_FALSE(is_boilerplate("12345678"));  // too long for a counter
  CHECK_FALSE(is_boilerplate("12 apples"));
  CHECK_FALSE(is_boilerplate("Commentary on the budget"));
}

TEST_CASE("furniture: share rows, breadcrumbs and copyright lines", "[text]") {
  CHECK(is_boilerplate("Share on Facebook | Tweet | Email"));
  CHECK(is_boilerplate("Share this: Twitter, LinkedIn, WhatsApp"));
  CHECK_FALSE(is_boilerplate("Share prices fell on Monday"));  // not only sharing words
  CHECK_FALSE(is_boilerplate("Print it or save it"));          // sharing words, but no network
  CHECK(is_boilerplate("Home > News > Africa"));
  CHECK(is_boilerplate("News | Sport | Weather"));
  CHECK_FALSE(is_boilerplate("Profits rose > 5% | costs fell | shares held."));
  CHECK(is_boilerplate("\u00A9 2024 Daily Example Ltd."));
  CHECK(is_boilerplate("Copyright 2024 Example News"));
  CHECK(is_boilerplate("Example News. All rights reserved."));
  CHECK_FALSE(is_boilerplate("Copyright law changes next year"));
}

TEST_CASE("furniture: headings after which the page is furniture", "[text]") {
  CHECK(is_tail_marker("Related articles"));
  CHECK(is_tail_marker("You may also like:"));
  CHECK(is_tail_marker("About the author"));
  CHECK(is_tail_marker("View all posts by Jane Doe"));
  CHECK(is_tail_marker("Leave a Reply Cancel reply"));
  CHECK_FALSE(is_tail_marker("Advertisement"));  // furniture, but the page goes on after it
  CHECK_FALSE(is_tail_marker("Related news from the council was scarce."));
}
