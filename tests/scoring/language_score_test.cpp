// Spoken forms in German, French and Spanish, scored: tests/scoring/language-cases.txt holds
// cases written for this project. Each runs through the CLI as a user would (`briefcast script
// --voice <lang>-news`, or without --voice for a case marked "<lang>-auto", where the voice must
// follow the input's language) and passes when the script has the expected number of sentences
// and each sounds like the expected one in that language's eSpeak NG voice (phoneme_key).
// Each language is scored on its own and must reach 95%.
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <map>

#include "scoring/scores.hpp"
#include "support/test_support.hpp"
#include "voice/speech_engine.hpp"

using namespace briefcast;
using briefcast::scoring::phoneme_key;
namespace fs = std::filesystem;

namespace {

struct Case {
  std::string language;  // "de", "fr", "es"
  bool automatic = false;
  std::string format, input, expected;
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
    std::string lang = head.substr(0, comma);
    c.automatic = lang.ends_with("-auto");
    c.language = c.automatic ? lang.substr(0, lang.size() - 5) : lang;
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

// eSpeak NG voice of each language's profile (voices/<lang>-news.json).
const std::map<std::string, std::string> kEspeakVoice = {{"de", "de"}, {"fr", "fr"}, {"es", "es"}};

}  // namespace

TEST_CASE("German, French and Spanish spoken forms through the CLI (>= 95% each, by phonemes)",
          "[language][score]") {
  const auto cases = read_cases(test::source_dir() / "tests/scoring/language-cases.txt");
  test::TempDir d;
  SpeechEngine engine;
  std::string engine_voice;
  auto key = [&](const std::string& voice, const std::string& text) {
    if (voice != engine_voice) {
      SynthesisConfig c;
      c.voice = voice;
      engine.configure(c);
      engine_voice = voice;
    }
    return phoneme_key(engine.phonemes(text));
  };
  std::map<std::string, std::pair<int, int>> tally;  // language -> passed, total
  std::string failures;
  for (const auto& c : cases) {
    REQUIRE(kEspeakVoice.count(c.language));
    const std::string& voice = kEspeakVoice.at(c.language);
    const fs::path file = d / "case.txt";
    test::write_file(file, c.input);
    std::vector<std::string> args = {"script", "--format", c.format, file.string()};
    if (!c.automatic) args.insert(args.begin() + 1, {"--voice", c.language + "-news"});
    auto r = test::run_briefcast(args);
    bool ok = r.exit_code == 0;
    auto lines = split(r.out, "\n");
    auto want = split(c.expected, " | ");
    ok = ok && lines.size() == want.size();
    for (std::size_t i = 0; ok && i < lines.size(); ++i)
      ok = key(voice, lines[i]) == key(voice, want[i]);
    auto& [passed, total] = tally[c.language];
    ++total;
    if (ok)
      ++passed;
    else
      failures +=
          "\n  line " + std::to_string(c.line) + ": " + c.input + "\n    got:  " +
          (r.exit_code == 0 ? r.out : "exit " + std::to_string(r.exit_code) + ": " + r.err) +
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
