// English numbers in context (spoken_en_numbers.cpp) through to_spoken, and its number parsing
// through spoken_en.hpp.
#include <catch2/catch.hpp>

#include "spoken/normalizer.hpp"
#include "spoken/spoken_en.hpp"

using namespace briefcast;
using namespace briefcast::spoken::en;

TEST_CASE("spoken_en_numbers: plain, grouped, negative and decimal numbers", "[spoken]") {
  CHECK(to_spoken("there were 1,234,567 votes") ==
        "there were one million two hundred thirty four thousand five hundred and sixty seven "
        "votes");
  CHECK(to_spoken("it was -5 degrees") == "it was minus five degrees");
  CHECK(to_spoken("about 1.5 million people") == "about one point five million people");
  CHECK(to_spoken("he paid 100% in full") == "he paid one hundred percent in full");
  CHECK(to_spoken("2+3 is five") == "two plus three is five");
  CHECK(to_spoken("a 3x4 room") == "a three by four room");
}

TEST_CASE("spoken_en_numbers: ordinals, fractions, decades, seasons and house numbers",
          "[spoken]") {
  CHECK(to_spoken("the 3rd and 22nd entries") == "the third and twenty second entries");
  CHECK(to_spoken("a 1/4 share") == "a one quarter share");
  CHECK(to_spoken("the kids ate 2 1/2 pizzas") == "the kids ate two and a half pizzas");
  CHECK(to_spoken("the 1850s and '90s") == "the eighteen fifties and nineties");
  CHECK(to_spoken("the mid-1980s boom") == "the mid nineteen eighties boom");
  CHECK(to_spoken("he scored 21 goals in the 2019/20 season") ==
        "he scored twenty one goals in the twenty nineteen to twenty season");
  CHECK(to_spoken("room 1234 Main Street") == "room twelve thirty four Main Street");
  // A decade written apart; a year that is no decade stays a year (fuzz finding: "1908 s" read
  // past the decade it assumed).
  CHECK(to_spoken("the 1980 s boom") == "the nineteen eighties boom");
  CHECK(to_spoken("in 1908 s") == "in nineteen oh eight s");
}

TEST_CASE("spoken_en_numbers: split_number, parse_number and is_one", "[spoken]") {
  CHECK(split_number("12.5kg") == std::pair<std::string, std::string>{"12.5", "kg"});
  CHECK(split_number("3.") == std::pair<std::string, std::string>{"3", "."});
  CHECK(split_number("-2,000,") == std::pair<std::string, std::string>{"-2,000", ","});
  CHECK(split_number("km") == std::pair<std::string, std::string>{"", "km"});

  auto n = parse_number("1,234.50");
  REQUIRE(n);
  CHECK(n->int_digits == "1234");
  CHECK(n->frac_digits == "50");
  CHECK(n->point);
  CHECK(n->grouped);
  CHECK_FALSE(n->negative);
  auto minus = parse_number(
      "\xE2\x88\x92"
      "7");  // U+2212 minus sign
  REQUIRE(minus);
  CHECK(minus->negative);
  CHECK(minus->int_digits == "7");
  auto half = parse_number(".5");
  REQUIRE(half);
  CHECK(half->int_digits.empty());
  CHECK(half->frac_digits == "5");
  CHECK_FALSE(parse_number("1,23"));
  CHECK_FALSE(parse_number("1234,567"));
  CHECK_FALSE(parse_number("12a"));
  CHECK_FALSE(parse_number("-"));

  CHECK(is_one(*parse_number("1")));
  CHECK(is_one(*parse_number("01")));
  CHECK_FALSE(is_one(*parse_number("1.0")));
  CHECK_FALSE(is_one(*parse_number("-1")));
  CHECK_FALSE(is_one(*parse_number("10")));
}

TEST_CASE("spoken_en_numbers: splits written like fractions, units before a noun", "[spoken]") {
  CHECK(to_spoken("a 50/50 split") == "a fifty fifty split");
  CHECK(to_spoken("a 3/2 ratio") == "a three halves ratio");  // a fraction still
  CHECK(to_spoken("a 2,000 sq. ft. house") == "a two thousand square foot house");
  CHECK(to_spoken("a 6 ft. fence") == "a six foot fence");
  CHECK(to_spoken("2,000 sq. ft. of space") == "two thousand square feet of space");
}
