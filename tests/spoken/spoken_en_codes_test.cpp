// English numbers that are codes (spoken_en_codes.cpp) through to_spoken: versions, plan names,
// records, mixed fractions and model numbers.
#include <catch2/catch.hpp>

#include "spoken/normalizer.hpp"
#include "spoken/spoken_en.hpp"

using namespace briefcast;

TEST_CASE("spoken_en_codes: versions, plan names, records and mixed fractions", "[spoken]") {
  CHECK(to_spoken("version 2.0.1 shipped") == "version two point oh point one shipped");
  CHECK(to_spoken("my 401(k) plan") == "my four oh one k plan");
  CHECK(to_spoken("improved to 14-0-1") == "improved to fourteen and oh and one");
  CHECK(to_spoken("a 1-1/2 inch pipe") == "a one and a half inch pipe");
  CHECK(to_spoken("the code 978-0") == "the code nine hundred and seventy eight zero");
}

TEST_CASE("spoken_en_codes: model numbers in pairs with their variant", "[spoken]") {
  CHECK(to_spoken("thirty 787-9 jets") == "thirty seven eighty seven nine jets");
  CHECK(to_spoken("the 777X jets") == "the seven seventy seven X jets");
  CHECK(to_spoken("its 737 Max jets") == "its seven thirty seven Max jets");
  CHECK(to_spoken("the 300 jets") == "the three hundred jets");  // round hundreds are amounts
  CHECK(to_spoken("a 250M deal") != "a two fifty M deal");       // a scale, not a variant
}
