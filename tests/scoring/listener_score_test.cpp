// What the listener hears, scored: tests/scoring/listener-cases.txt holds cases written for this
// project (not from ../shared/corpus). Each runs through the CLI exactly as a user would
// (`briefcast script --voice V [--format F] FILE`) and passes when the script has the expected
// number of sentences and each sounds like the expected one (eSpeak NG phonemes, phoneme_key).
// The NeMo normalization cases of the corpus are also scored through the same CLI path.
//
// Case file: one case a line, `voice[,format]|input~expected`; voice "us" (en-us-news) or "gb"
// (en-gb-news); format text (default), markdown or html; "\n" in the input is a line break;
// expected sentences are separated by " | ". Lines starting with '#' are comments.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>

#include "scoring/scores.hpp"
#include "scoring/script_cases.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
namespace fs = std::filesystem;

TEST_CASE("listener cases: what the script says, through the CLI (>= 95% by phonemes)",
          "[listener][score]") {
  const auto cases =
      scoring::read_script_cases(test::source_dir() / "tests/scoring/listener-cases.txt");
  REQUIRE(cases.size() >= 150);
  test::TempDir d;
  scoring::Ears ears;
  int passed = 0;
  std::string failures;
  for (const auto& c : cases) {
    const bool gb = c.head == "gb";
    std::string got;
    if (scoring::heard_as(ears, d.path(), {"--voice", gb ? "en-gb-news" : "en-us-news"},
                          gb ? "en-gb-x-rp" : "en-us", c, got))
      ++passed;
    else
      failures += "\n  line " + std::to_string(c.line) + ": " + c.input + "\n    got:  " + got +
                  "    want: " + c.expected;
  }
  const double value = 100.0 * passed / static_cast<double>(cases.size());
  std::cout << "listener cases: " << passed << "/" << cases.size() << " = " << value
            << "% (target >= 95)" << failures << "\n";
  CHECK(value >= 95.0);
}

TEST_CASE("normalization through the CLI: NeMo cases via `script` (>= 85% by phonemes)",
          "[normalize][score]") {
  auto corpus = scoring::find_corpus();
  if (!corpus) {
    WARN("corpus folder ../shared/corpus is absent: CLI normalization score skipped");
    return;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(*corpus / "normalization"))
    if (e.path().filename().string().starts_with("nemo-")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  test::TempDir d;
  scoring::Ears ears;
  // NeMo writes British-style "and" in the last group ("one hundred and twenty three"), so the
  // cases are read with the British voice's number style; the phonemes are compared in en-us.
  for (const std::string profile : {"en-gb-news", "en-us-news"}) {
    int total = 0, passed = 0;
    for (const auto& f : files) {
      std::ifstream in(f);
      std::string line;
      while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        auto sep = line.find('~');
        if (sep == std::string::npos) continue;
        std::string written = line.substr(0, sep), spoken = line.substr(sep + 1);
        // One case is one sentence: its spoken form is compared as a whole.
        const fs::path file = d / "case.txt";
        test::write_file(file, written + "\n");
        auto r =
            test::run_briefcast({"script", "--voice", profile, "--format", "text", file.string()});
        std::string out = r.out;
        std::replace(out.begin(), out.end(), '\n', ' ');
        ++total;
        if (r.exit_code == 0 && ears.key("en-us", out) == ears.key("en-us", spoken)) ++passed;
      }
    }
    REQUIRE(total > 0);
    const double value = 100.0 * passed / total;
    std::cout << "normalization through `script --voice " << profile << "`: " << passed << "/"
              << total << " = " << value << "%"
              << (profile == "en-gb-news" ? " (target >= 85)" : "") << "\n";
    if (profile == "en-gb-news") CHECK(value >= 85.0);
  }
}
