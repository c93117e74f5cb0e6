// Numbers to words with the English tables of voices/lang/en.json: cardinals, ordinals, years,
// digits and decimals, exactly as they are spoken.
#include "spoken/number_words.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "support/test_support.hpp"

using namespace briefcast;
using namespace briefcast::spoken;

namespace {

// The number tables of the English data file, as the normalizer loads them (numbers.*).
const LanguageData& english() {
  static const LanguageData d = [] {
    const auto j = nlohmann::json::parse(
        test::read_file(test::source_dir() / "voices" / "lang" / "en.json"))["numbers"];
    LanguageData d;
    d.ones = j["ones"].get<std::vector<std::string>>();
    d.tens = j["tens"].get<std::vector<std::string>>();
    d.hundred = j["hundred"];
    d.scales = j["scales"].get<std::vector<std::string>>();
    d.and_word = j["and"];
    d.point = j["point"];
    d.oh = j["oh"];
    d.ordinal_irregular = j["ordinal_irregular"].get<std::map<std::string, std::string>>();
    d.ordinal_suffix = j["ordinal_suffix"];
    d.ordinal_y_suffix = j["ordinal_y_suffix"];
    d.plural_suffix = j["plural_suffix"];
    return d;
  }();
  return d;
}

}  // namespace

TEST_CASE("number words: cardinals in groups of three", "[normalize]") {
  const LanguageData& en = english();
  CHECK(cardinal("0", en) == "zero");
  CHECK(cardinal("000", en) == "zero");
  CHECK(cardinal("7", en) == "seven");
  CHECK(cardinal("007", en) == "seven");
  CHECK(cardinal("13", en) == "thirteen");
  CHECK(cardinal("40", en) == "forty");
  CHECK(cardinal("42", en) == "forty two");
  CHECK(cardinal("100", en) == "one hundred");
  CHECK(cardinal("123000", en) == "one hundred twenty three thousand");
  CHECK(cardinal("1000005", en) == "one million five");
  CHECK(cardinal("2500000000", en) == "two billion five hundred million");
  // 36 digits is the last the scale words reach (decillion); one more is read digit by digit.
  CHECK(cardinal("1" + std::string(35, '0'), en) == "one hundred decillion");
  std::string one_then_zeros = "one";
  for (int i = 0; i < 36; ++i) one_then_zeros += " zero";
  CHECK(cardinal("1" + std::string(36, '0'), en) == one_then_zeros);
}

TEST_CASE("number words: \"and\" before the last group's tens", "[normalize]") {
  const LanguageData& en = english();
  CHECK(cardinal("123", en, true) == "one hundred and twenty three");
  CHECK(cardinal("1005", en, true) == "one thousand and five");
  CHECK(cardinal("2000", en, true) == "two thousand");
  CHECK(cardinal("250", en, true) == "two hundred and fifty");
  CHECK(cardinal("1200", en, true) == "one thousand two hundred");
}

TEST_CASE("number words: ordinals", "[normalize]") {
  const LanguageData& en = english();
  CHECK(ordinal("1", en) == "first");
  CHECK(ordinal("2", en) == "second");
  CHECK(ordinal("3", en) == "third");
  CHECK(ordinal("4", en) == "fourth");
  CHECK(ordinal("5", en) == "fifth");
  CHECK(ordinal("8", en) == "eighth");
  CHECK(ordinal("9", en) == "ninth");
  CHECK(ordinal("12", en) == "twelfth");
  CHECK(ordinal("20", en) == "twentieth");
  CHECK(ordinal("21", en) == "twenty first");
  CHECK(ordinal("100", en) == "one hundredth");
  CHECK(ordinal("1000000", en) == "one millionth");
  CHECK(ordinalize("ninety", en) == "ninetieth");
  CHECK(ordinalize("one hundred twenty two", en) == "one hundred twenty second");
  CHECK(plural("third", en) == "thirds");
}

TEST_CASE("number words: years read in pairs", "[normalize]") {
  const LanguageData& en = english();
  CHECK(year_words("1984", en) == "nineteen eighty four");
  CHECK(year_words("1506", en) == "fifteen oh six");
  CHECK(year_words("2005", en) == "two thousand five");
  CHECK(year_words("2019", en) == "twenty nineteen");
  CHECK(year_words("1900", en) == "nineteen hundred");
  CHECK(year_words("2000", en) == "two thousand");
  CHECK(year_words("1001", en) == "one thousand one");
  CHECK(year_words("340", en) == "three forty");
  CHECK(year_words("99", en) == "ninety nine");
  CHECK(year_words("12345", en) == "twelve thousand three hundred forty five");
}

TEST_CASE("number words: digits and decimals", "[normalize]") {
  const LanguageData& en = english();
  CHECK(digit_words("4056", en) == "four zero five six");
  CHECK(digit_words("4-0", en) == "four zero");  // only the digits are read
  CHECK(decimal_words("3", "14", en) == "three point one four");
  CHECK(decimal_words("", "5", en) == "point five");
  CHECK(decimal_words("105", "20", en, true) == "one hundred and five point two zero");
}
