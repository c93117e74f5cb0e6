// English symbols and identifiers (spoken_en_symbols.cpp) through to_spoken.
#include <catch2/catch.hpp>

#include "spoken/normalizer.hpp"
#include "spoken/spoken_en.hpp"

using namespace briefcast;

TEST_CASE("spoken_en_symbols: symbols, identifiers and vulgar fractions", "[spoken]") {
  CHECK(to_spoken("salt & pepper") == "salt and pepper");
  CHECK(to_spoken("model X5 launched") == "model X five launched");
  CHECK(to_spoken("It is \u00BD full.") == "It is one half full.");
  CHECK(to_spoken("open 4:00 am - 8:12 pm") == "open four a.m to eight twelve PM");
}

TEST_CASE("spoken_en_symbols: slashes and hashes in context", "[spoken]") {
  CHECK(to_spoken("A/B testing") == "A B testing");
  CHECK(to_spoken("the TCP/IP stack") == "the TCP IP stack");
  CHECK(to_spoken("a pen and/or a pencil") == "a pen and or a pencil");
  CHECK(to_spoken("upgrade/update") == "upgrade/update");  // eSpeak NG says "slash"
  CHECK(to_spoken("the #MeToo movement") == "the MeToo movement");
  CHECK(to_spoken("#mytext#") == "#mytext#");  // no hashtag
  CHECK(to_spoken("the #1 seed") == "the number one seed");
  CHECK(to_spoken("C++ and C#") == "C plus plus and C sharp");
}
