// The data-driven languages (voices/lang/{de,fr,es}.json, spoken_intl.cpp: the rule order, plain
// numbers, Roman numerals after names, the data files) through to_spoken; dates and amounts have
// tests of their own; the scored set is tests/scoring/language-cases.txt.
#include "spoken/spoken_intl.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "spoken/icu_spellout.hpp"
#include "spoken/normalizer.hpp"
#include "support/spoken_in.hpp"
#include "support/test_support.hpp"

using namespace briefcast;

namespace {
constexpr auto in = test::spoken_in;
}  // namespace

TEST_CASE("ICU spells numbers by rule set, without soft hyphens", "[normalize][language]") {
  CHECK(spoken::icu_spell("de", "%spellout-numbering", 250) == "zweihundertfünfzig");
  CHECK(spoken::icu_spell("fr", "%spellout-cardinal-feminine", 21) == "vingt-et-une");
  CHECK(spoken::icu_spell("es", "%spellout-cardinal-feminine", 200) == "doscientas");
  CHECK_FALSE(spoken::icu_spell("fr", "%no-such-rules", 1));
  auto sets = spoken::icu_rule_sets("de");
  CHECK(std::find(sets.begin(), sets.end(), "%spellout-ordinal-n") != sets.end());
}

TEST_CASE("French: agreement, numbers before nouns, untouched words", "[normalize][language]") {
  CHECK(in("fr-FR", "par 250 voix contre 30") == "par deux cent cinquante voix contre trente");
  CHECK(in("fr", "12 000 habitants") == "douze mille habitants");
  // Untouched: words, and text that is no number.
  CHECK(in("fr", "Bonjour à tous.") == "Bonjour à tous.");
  CHECK(in("fr", "A-1 et 3-") == "A-1 et 3-");
}

TEST_CASE("German: years in hundreds, eine before a feminine noun", "[normalize][language]") {
  CHECK(in("de", "seit 1990") == "seit neunzehnhundertneunzig");
  CHECK(in("de", "1 Million Menschen") == "eine Million Menschen");
  CHECK(in("de", "Das Ergebnis war 1.") == "Das Ergebnis war eins.");
}

TEST_CASE("Spanish: feminine hundreds, apocope", "[normalize][language]") {
  CHECK(in("es", "200 personas") == "doscientas personas");
  CHECK(in("es", "21 años") == "veintiún años");
  CHECK(in("es", "tiene 21") == "tiene veintiuno");
}

TEST_CASE("odd numbers never throw and long digit runs are read digit by digit",
          "[normalize][language]") {
  for (const char* lang : {"de", "fr", "es"}) {
    CHECK_NOTHROW(in(lang, "99999999999999999999999 1.2.3.4 ,5 5, %% €€ 9h99 31.02.2026 -"));
    CHECK(in(lang, "1234567890123456789012").find("1") == std::string::npos);
  }
}

TEST_CASE("the languages with rules, and a bad data file names its field",
          "[normalize][language]") {
  auto langs = normalizer_languages();
  CHECK(langs == std::vector<std::string>{"de", "en", "es", "fr"});
  CHECK(has_normalization_rules("pt-BR") == false);
  CHECK(has_normalization_rules("de-AT"));

  test::TempDir dir;
  std::filesystem::create_directories(dir / "lang");
  auto data = nlohmann::json::parse(test::read_file(test::source_dir() / "voices/lang/fr.json"));
  data["spellout"]["feminine"] = "%spellout-cardinal-femme";
  test::write_file(dir / "lang/fr.json", data.dump());
  NormalizerConfig c;
  c.language = "fr";
  c.data_dir = dir.path();
  try {
    to_spoken("250", c);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::voice);
    CHECK(std::string(e.what()).find("field 'spellout.feminine': ICU has no rule set "
                                     "'%spellout-cardinal-femme' for locale 'fr'") !=
          std::string::npos);
  }
  CHECK(normalizer_languages(dir.path()) == std::vector<std::string>{"en", "fr"});
}

TEST_CASE("Roman numerals after names: French and Spanish monarchs", "[normalize][language]") {
  CHECK(in("fr", "Louis XIV régna") == "Louis quatorze régna");
  CHECK(in("fr", "Ce matin, Me Dupont") == "Ce matin, Me Dupont");  // no numerals
  CHECK(in("es", "Felipe VI habló") == "Felipe sexto habló");
  CHECK(in("es", "Alfonso XIII") == "Alfonso trece");
  CHECK(in("es", "en el siglo XIX") == "en el siglo XIX");  // eSpeak NG reads it
  CHECK(in("de", "Ludwig XIV.") == "Ludwig XIV.");          // no rules for German
}
