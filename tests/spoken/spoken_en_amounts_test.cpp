// English amounts, money and units of measure (spoken_en_amounts.cpp), through to_spoken.
#include <catch2/catch.hpp>

#include "spoken/normalizer.hpp"

using briefcast::to_spoken;

TEST_CASE("spoken_en_amounts: money with cents, scales, rates and codes", "[spoken]") {
  CHECK(to_spoken("it cost $1") == "it cost one dollar");
  CHECK(to_spoken("it cost $0.01") == "it cost one cent");
  CHECK(to_spoken("it cost $2.50") == "it cost two dollars fifty cents");
  CHECK(to_spoken("it cost \u00A30.99 each") == "it cost ninety nine pence each");
  CHECK(to_spoken("it cost \u20AC5 million") == "it cost five million euros");
  CHECK(to_spoken("it cost US$ 3.5bn") == "it cost three point five billion U.S dollars");
  CHECK(to_spoken("it costs USD 50") == "it costs fifty U.S dollars");
  CHECK(to_spoken("it costs $20/hr") == "it costs twenty dollars per hour");
  CHECK(to_spoken("tickets cost $5-$10") == "tickets cost five dollars to ten dollars");
  CHECK(to_spoken("USDA rules") == "USDA rules");  // a currency code inside a word is a word
}

TEST_CASE("spoken_en_amounts: units attached or apart, per units, any case", "[spoken]") {
  CHECK(to_spoken("it weighed 12.5kg") == "it weighed twelve point five kilograms");
  CHECK(to_spoken("speeds of 60 km/h") == "speeds of sixty kilometers per hour");
  CHECK(to_spoken("it was 1 km long") == "it was one kilometer long");
  CHECK(to_spoken("it was 5 KM long") == "it was five kilometers long");
  CHECK(to_spoken("temperatures hit 35\u00B0C") == "temperatures hit thirty five degrees Celsius");
}
