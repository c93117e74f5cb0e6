// English dates and times (spoken_en_dates.cpp) through to_spoken.
#include <catch2/catch.hpp>

#include "spoken/normalizer.hpp"

using briefcast::to_spoken;

TEST_CASE("spoken_en_dates: dates in words and in digits", "[spoken]") {
  CHECK(to_spoken("on 12 March 2024 in Paris") ==
        "on the twelfth of March twenty twenty four in Paris");
  CHECK(to_spoken("on Jan. 3") == "on January third");
  CHECK(to_spoken("in Feb 2020") == "in February twenty twenty");
  CHECK(to_spoken("on 2024-12-31 at noon") ==
        "on December thirty first twenty twenty four at noon");
  // Day first when the first part cannot be a month.
  CHECK(to_spoken("on 31/12/2023") == "on the thirty first of December twenty twenty three");
  CHECK(to_spoken("you may 5 times") == "you may five times");
}

TEST_CASE("spoken_en_dates: times with am/pm and zones, attached or apart", "[spoken]") {
  CHECK(to_spoken("on Tuesday, March 5, 2024 at 9:30 p.m. EST") ==
        "on Tuesday, March fifth twenty twenty four at nine thirty PM EST");
  CHECK(to_spoken("doors open at 7pm") == "doors open at seven PM");
  CHECK(to_spoken("at 7 p.m. today") == "at seven PM today");
  CHECK(to_spoken("at 7 P.M.") == "at seven PM.");
  CHECK(to_spoken("at 11.30pm tonight") == "at eleven thirty PM tonight");
  CHECK(to_spoken("at 7 a here") == "at seven a here");  // a lone "a" is a word
  CHECK(to_spoken("at 18:45 today") == "at eighteen forty five today");
  CHECK(to_spoken("at 0930 GMT") == "at oh nine thirty GMT");
  CHECK(to_spoken("at 10:30:15 exactly") ==
        "at ten hours thirty minutes and fifteen seconds exactly");
}
