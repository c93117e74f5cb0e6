// Spoken forms in German, French and Spanish, scored: tests/scoring/language-cases.txt holds
// cases written for this project. Each runs through the CLI as a user would (`briefcast script
// --voice <lang>-news`, or without --voice for a case marked "<lang>-auto", where the voice must
// follow the input's language) and passes when the script has the expected number of sentences
// and each sounds like the expected one in that language's eSpeak NG voice (phoneme_key).
// Each language is scored on its own and must reach 95%.
#include <catch2/catch.hpp>
#include <iostream>
#include <map>

#include "scoring/script_cases.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
namespace fs = std::filesystem;

namespace {

// eSpeak NG voice of each language's profile (voices/<lang>-news.json).
const std::map<std::string, std::string> kEspeakVoice = {{"de", "de"}, {"fr", "fr"}, {"es", "es"}};

}  // namespace

TEST_CASE("German, French and Spanish spoken forms through the CLI (>= 95% each, by phonemes)",
          "[language][score]") {
  const auto cases =
      scoring::read_script_cases(test::source_dir() / "tests/scoring/language-cases.txt");
  test::TempDir d;
  scoring::Ears ears;
  std::map<std::string, std::pair<int, int>> tally;  // language -> passed, total
  std::string failures;
  for (const auto& c : cases) {
    // "de", or "de-auto": the voice must follow the input's language without --voice.
    const bool automatic = c.head.ends_with("-auto");
    const std::string language = automatic ? c.head.substr(0, c.head.size() - 5) : c.head;
    REQUIRE(kEspeakVoice.count(language));
    std::vector<std::string> voice_args;
    if (!automatic) voice_args = {"--voice", language + "-news"};
    std::string got;
    const bool ok =
        scoring::heard_as(ears, d.path(), voice_args, kEspeakVoice.at(language), c, got);
    auto& [passed, total] = tally[language];
    ++total;
    if (ok)
      ++passed;
    else
      failures += "\n  line " + std::to_string(c.line) + ": " + c.input + "\n    got:  " + got +
                  "    want: " + c.expected;
  }
  for (const std::string lang : {"de", "fr", "es"}) {
    auto [passed, total] = tally[lang];
    const double value = total ? 100.0 * passed / total : 0;
    std::cout << "spoken forms (" << lang << "): " << passed << "/" << total << " = " << value
              << "% (target >= 95)\n";
    CHECK(total >= 30);
    CHECK(value >= 95.0);
  }
  if (!failures.empty()) std::cout << "failures:" << failures << "\n";
}
