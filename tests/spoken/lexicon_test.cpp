#include "spoken/lexicon.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

TEST_CASE("the lexicon replaces whole words only", "[spoken]") {
  std::vector<std::pair<std::string, std::string>> lex = {
      {"U.S.A.", "U S A"}, {"GSIM", "G sim"}, {"Nguyen", "[[w'In]]"}};
  CHECK(apply_lexicon("GSIM and GSIMs met Nguyen.", lex) == "G sim and GSIMs met [[w'In]].");
  CHECK(apply_lexicon("In the U.S.A. today", lex) == "In the U S A today");
  CHECK(apply_lexicon("(GSIM)", lex) == "(G sim)");
  CHECK(apply_lexicon("XGSIM", lex) == "XGSIM");
}

TEST_CASE("a lexicon entry ending in a dot matches before more text", "[spoken]") {
  std::vector<std::pair<std::string, std::string>> lex = {{"approx.", "approximately"}};
  CHECK(apply_lexicon("approx.5 tonnes", lex) == "approximately5 tonnes");
  CHECK(apply_lexicon("an approxed figure", lex) == "an approxed figure");
  CHECK(apply_lexicon("same text", {}) == "same text");
}
