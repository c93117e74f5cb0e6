// The English rules of spoken_en.cpp (abbreviations and titles, Roman numerals, acronyms,
// initials) through to_spoken, and the word tests spoken_en.hpp shares
// with the other English modules.
#include "spoken/spoken_en.hpp"

#include <catch2/catch.hpp>

#include "spoken/normalizer.hpp"

using namespace briefcast;
using namespace briefcast::spoken::en;

TEST_CASE("spoken_en: titles before names and abbreviations", "[spoken]") {
  CHECK(to_spoken("Dr. Ruiz met Gov. Hale.") == "Doctor Ruiz met Governor Hale.");
  CHECK(to_spoken("Mr. Smith came") == "Mister Smith came");
  CHECK(to_spoken("ranked #2 overall") == "ranked number two overall");
}

TEST_CASE("spoken_en: Roman numerals after names and before words", "[spoken]") {
  CHECK(to_spoken("Pope Benedict XVI spoke.") == "Pope Benedict the sixteenth spoke.");
  CHECK(to_spoken("See Part III today.") == "See Part three today.");
  CHECK(to_spoken("World War II ended.") == "World War two ended.");
  CHECK(to_spoken("Sam and I left.") == "Sam and I left.");
}

TEST_CASE("spoken_en: acronyms and initials", "[spoken]") {
  CHECK(to_spoken("The FBI and the CIA agreed.") == "The F.B.I and the C.I.A agreed.");
  CHECK(to_spoken("J. R. R. Tolkien wrote it.") == "JRR Tolkien wrote it.");
}

TEST_CASE("spoken_en: the word tests the English modules share", "[spoken]") {
  CHECK(is_capitalized("Paris"));
  CHECK_FALSE(is_capitalized("paris"));
  CHECK_FALSE(is_capitalized("\u00C9mile"));  // A-Z only
  CHECK_FALSE(is_capitalized(""));
  CHECK(is_letters("Mid"));
  CHECK_FALSE(is_letters("mid-"));
  CHECK_FALSE(is_letters("X5"));
  CHECK_FALSE(is_letters(""));
  CHECK(ok(2, "two").count == 2);
  CHECK(ok(1, "Jan", true).dot_used);
}

TEST_CASE("spoken_en: a dateline's agency, also with its desk, after a place", "[spoken]") {
  CHECK(to_spoken("LONDON (AP) Stocks rose.") == "LONDON, Stocks rose.");
  CHECK(to_spoken("Hong Kong (CNN Business) A muddled view.") == "Hong Kong, A muddled view.");
  CHECK(to_spoken("NEW YORK (Reuters) - Stocks rose.") == "NEW YORK, Stocks rose.");
  CHECK(to_spoken("They said (AP Business) too.") != "They said, too.");  // no place before
}
