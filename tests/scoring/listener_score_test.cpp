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
#include "support/test_support.hpp"
#include "voice/speech_engine.hpp"

using namespace briefcast;
using briefcast::scoring::phoneme_key;
namespace fs = std::filesystem;

namespace {

struct Case {
  std::string voice, format, input, expected;
  int line = 0;
};

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<Case> read_cases(const fs::path& file) {
  std::ifstream in(file);
  std::vector<Case> cases;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    auto bar = line.find('|');
    auto tilde = line.rfind('~');
    REQUIRE(bar != std::string::npos);
    REQUIRE(tilde != std::string::npos);
    Case c;
    std::string head = line.substr(0, bar);
    auto comma = head.find(',');
    c.voice = head.substr(0, comma);
    c.format = comma == std::string::npos ? "text" : head.substr(comma + 1);
    c.input = unescape(line.substr(bar + 1, tilde - bar - 1));
    c.expected = line.substr(tilde + 1);
    c.line = n;
    cases.push_back(c);
  }
  return cases;
}

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (true) {
    auto k = s.find(sep, pos);
    out.push_back(s.substr(pos, k == std::string::npos ? std::string::npos : k - pos));
    if (k == std::string::npos) break;
    pos = k + sep.size();
  }
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

// Phonemes of each line; eSpeak NG allows one engine per process, reconfigured on a voice change.
class Ears {
 public:
  std::string key(const std::string& espeak_voice, const std::string& text) {
    if (espeak_voice != voice_) {
      SynthesisConfig c;
      c.voice = espeak_voice;
      engine_.configure(c);
      voice_ = espeak_voice;
    }
    return phoneme_key(engine_.phonemes(text));
  }

 private:
  SpeechEngine engine_;
  std::string voice_;
};

// Runs one input through `briefcast script`; true when it sounds like `expected`.
bool heard_as(Ears& ears, const fs::path& dir, const std::string& profile,
              const std::string& espeak_voice, const std::string& format, const std::string& input,
              const std::string& expected, std::string& got) {
  const fs::path file = dir / "case.txt";
  test::write_file(file, input);
  auto r = test::run_briefcast({"script", "--voice", profile, "--format", format, file.string()});
  got = r.exit_code == 0 ? r.out : "exit " + std::to_string(r.exit_code) + ": " + r.err;
  if (r.exit_code != 0) return false;
  auto lines = split(r.out, "\n");
  auto want = split(expected, " | ");
  if (lines.size() != want.size()) return false;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (ears.key(espeak_voice, lines[i]) != ears.key(espeak_voice, want[i])) return false;
  return true;
}

}  // namespace

TEST_CASE("listener cases: what the script says, through the CLI (>= 95% by phonemes)",
          "[listener][score]") {
  const auto cases = read_cases(test::source_dir() / "tests/scoring/listener-cases.txt");
  REQUIRE(cases.size() >= 150);
  test::TempDir d;
  Ears ears;
  int passed = 0;
  std::string failures;
  for (const auto& c : cases) {
    const bool gb = c.voice == "gb";
    std::string got;
    if (heard_as(ears, d.path(), gb ? "en-gb-news" : "en-us-news", gb ? "en-gb-x-rp" : "en-us",
                 c.format, c.input, c.expected, got))
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
  Ears ears;
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
