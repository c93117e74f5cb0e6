#include "text/long_sentence.hpp"

#include <catch2/catch.hpp>

using V = std::vector<std::string>;
using briefcast::split_long_sentence;

TEST_CASE("split_long_sentence keeps short sentences whole", "[text]") {
  CHECK(split_long_sentence("Short one.", 300) == V{"Short one."});
  CHECK(split_long_sentence("", 300).empty());
}

TEST_CASE("split_long_sentence prefers semicolons, then commas, then conjunctions", "[text]") {
  std::string a(40, 'a'), b(40, 'b');
  auto semi = split_long_sentence(a + ", x y; " + b + " z", 60);
  CHECK(semi == V{a + ", x y;", b + " z"});
  auto comma = split_long_sentence("w " + a + ", then " + b + " and more words", 60);
  CHECK(comma == V{"w " + a + ",", "then " + b + " and more words"});
  auto conj = split_long_sentence("w " + a + " x because " + b + " y", 60);
  CHECK(conj == V{"w " + a + " x", "because " + b + " y"});
  auto dash = split_long_sentence(a + " - " + b + " tail", 60);
  CHECK(dash == V{a, b + " tail"});
}

TEST_CASE("split_long_sentence never splits inside numbers and bounds every piece", "[text]") {
  std::string s;
  for (int i = 0; i < 60; ++i) s += "1,000 and 3.5 ";
  auto pieces = split_long_sentence(s, 50);
  REQUIRE(pieces.size() > 1);
  std::string rejoined;
  for (auto& p : pieces) {
    CHECK(p.size() <= 50);
    CHECK(p.find("1,000") != std::string::npos);
    rejoined += (rejoined.empty() ? "" : " ") + p;
  }
  CHECK(rejoined + " " == s);
  auto word = split_long_sentence(std::string(70, 'x'), 30);
  CHECK(word == V{std::string(30, 'x'), std::string(30, 'x'), std::string(10, 'x')});
}

TEST_CASE("split_long_sentence folds whitespace and stays linear on one huge word", "[text]") {
  CHECK(split_long_sentence("  Two\n lines\t here.  ", 300) == V{"Two lines here."});
  CHECK(split_long_sentence(" \n\t ", 300).empty());
  CHECK(split_long_sentence(std::string(1'000'000, 'a'), 300).size() == 3334);
}

TEST_CASE("split_long_sentence cuts a word without spaces at a character boundary", "[text]") {
  std::string e_acute;
  for (int i = 0; i < 20; ++i) e_acute += "\xC3\xA9";  // 40 bytes, 20 characters
  auto pieces = split_long_sentence(e_acute, 17);      // 17 would split a character: 16
  CHECK(pieces == V{e_acute.substr(0, 16), e_acute.substr(16, 16), e_acute.substr(32)});
  CHECK(split_long_sentence("a b c d e f g h i j k l m n o p q r", 4).front().size() <= 16);
}
