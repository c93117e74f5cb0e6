// Amounts of the data-driven languages (spoken_intl_amounts.cpp) through to_spoken: money,
// percent, ordinals, units and scales.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "spoken/normalizer.hpp"
#include "support/spoken_in.hpp"

using namespace briefcast;

namespace {
constexpr auto in = test::spoken_in;
}  // namespace

TEST_CASE("money before and after its number, with scale words and cents",
          "[normalize][language]") {
  CHECK(in("fr", "12,50 € le kilo") == "douze euros cinquante le kilo");
  CHECK(in("fr", "une perte de 2,5 Md€") == "une perte de deux virgule cinq milliards d'euros");
  CHECK(in("es", "cuesta 3,99 $") == "cuesta tres dólares con noventa y nueve");
  CHECK(in("de", "Preis: 9.15 Euro") == "Preis: neun Komma eins fünf Euro");  // no clock
}

TEST_CASE("percent, units and ordinals, also after Roman numerals", "[normalize][language]") {
  CHECK(in("fr", "(5 %)") == "(cinq pour cent)");
  CHECK(in("fr", "il a couru 42 km") == "il a couru quarante-deux kilomètres");
  CHECK(in("fr", "au XIXe siècle") == "au dix-neuvième siècle");
  CHECK(in("fr", "François Ier") == "François premier");
  CHECK(in("fr", "la XIIIIe") == "la XIIIIe");  // not written that way
  CHECK(in("es", "Vos sabés") == "Vos sabés");  // Spanish suffixes do not follow numerals
}
