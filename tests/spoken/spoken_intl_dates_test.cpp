// Dates and clock times of the data-driven languages (spoken_intl_dates.cpp) through to_spoken.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "spoken/normalizer.hpp"
#include "support/spoken_in.hpp"

using namespace briefcast;

namespace {
constexpr auto in = test::spoken_in;
}  // namespace

TEST_CASE("dates by each language's pattern, the day's ordinal by the word before",
          "[normalize][language]") {
  CHECK(in("fr", "le 1er mars 2026") == "le premier mars deux mille vingt-six");
  CHECK(in("fr", "le 05/03/2026") == "le cinq mars deux mille vingt-six");
  CHECK(in("de", "am 3. Oktober") == "am dritten Oktober");
  CHECK(in("de", "der 3. Oktober") == "der dritte Oktober");
  CHECK(in("es", "el 1 de mayo") == "el primero de mayo");
  CHECK(in("es", "el 1 de enero de 2026") == "el primero de enero de dos mil veintiséis");
  CHECK(in("es", "el 2 de mayo") == "el dos de mayo");
  CHECK(in("es", "1 de cada 3") == "uno de cada tres");  // "de" before no month
}

TEST_CASE("clock times by each language's pattern", "[normalize][language]") {
  CHECK(in("fr", "à 9h15") == "à neuf heures quinze");
  CHECK(in("fr", "à 1h") == "à une heure");
  CHECK(in("de", "um 9.15 Uhr") == "um neun Uhr fünfzehn");
  CHECK(in("es", "a las 9:15") == "a las nueve y quince");
}
