// English ranges and scores (spoken_en_ranges.cpp) through to_spoken.
#include <catch2/catch.hpp>

#include "spoken/normalizer.hpp"
#include "spoken/spoken_en.hpp"

using namespace briefcast;

TEST_CASE("spoken_en_ranges: ranges rise with 'to', scores by context", "[spoken]") {
  CHECK(to_spoken("pages 10-20 are missing") == "pages ten to twenty are missing");
  CHECK(to_spoken("they won 3-1") == "they won three to one");
  CHECK(to_spoken("the Lakers beat Denver 108-97") ==
        "the Lakers beat Denver one hundred and eight to ninety seven");
  CHECK(to_spoken("a 10-3 record") == "a ten and three record");
  CHECK(to_spoken("the 1960s-80s") == "the nineteen sixties to eighties");
  CHECK(to_spoken("only 3 in 10 agreed") == "only three in ten agreed");
}
