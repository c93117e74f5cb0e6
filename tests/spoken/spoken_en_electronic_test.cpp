// English readings of addresses on the net and phone numbers (spoken_en_electronic.cpp)
// through to_spoken.
#include <catch2/catch.hpp>

#include "spoken/normalizer.hpp"

using briefcast::to_spoken;

TEST_CASE("spoken_en_electronic: e-mail addresses in full", "[spoken]") {
  CHECK(to_spoken("write to jane.doe+news@mail.example.com today") ==
        "write to jane dot doe plus news at mail dot example dot com today");
  CHECK(to_spoken("email press@example.co.uk now") == "email press at example dot co dot UK now");
}

TEST_CASE("spoken_en_electronic: web addresses by their domain only", "[spoken]") {
  CHECK(to_spoken("see example.com today") == "see example dot com today");
  CHECK(to_spoken("go to www.example.org/news now") == "go to example dot org now");
  CHECK(to_spoken("visit http://news.example.com/a?b=1 today") ==
        "visit news dot example dot com today");
}

TEST_CASE("spoken_en_electronic: IP addresses and phone numbers digit by digit", "[spoken]") {
  CHECK(to_spoken("it runs on 10.0.0.255 now") ==
        "it runs on one zero dot zero dot zero dot two five five now");
  CHECK(to_spoken("call 800-555-0199 now") ==
        "call eight zero zero, five five five, zero one nine nine now");
}
