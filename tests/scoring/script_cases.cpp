#include "scoring/script_cases.hpp"

#include <fstream>
#include <stdexcept>

#include "scoring/scores.hpp"
#include "support/test_support.hpp"

namespace briefcast::scoring {

namespace {

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

}  // namespace

std::vector<ScriptCase> read_script_cases(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("'" + file.string() + "': cannot read");
  std::vector<ScriptCase> cases;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    auto bar = line.find('|');
    auto tilde = line.rfind('~');
    if (bar == std::string::npos || tilde == std::string::npos || tilde < bar)
      throw std::runtime_error("'" + file.string() + "' line " + std::to_string(n) +
                               ": expected HEAD[,FORMAT]|input~expected");
    ScriptCase c;
    const std::string head = line.substr(0, bar);
    const auto comma = head.find(',');
    c.head = head.substr(0, comma);
    c.format = comma == std::string::npos ? "text" : head.substr(comma + 1);
    c.input = unescape(line.substr(bar + 1, tilde - bar - 1));
    c.expected = line.substr(tilde + 1);
    c.line = n;
    cases.push_back(c);
  }
  return cases;
}

std::string Ears::key(const std::string& espeak_voice, const std::string& text) {
  if (espeak_voice != voice_) {
    SynthesisConfig c;
    c.voice = espeak_voice;
    engine_.configure(c);
    voice_ = espeak_voice;
  }
  return phoneme_key(engine_.phonemes(text));
}

bool heard_as(Ears& ears, const std::filesystem::path& dir,
              const std::vector<std::string>& voice_args, const std::string& espeak_voice,
              const ScriptCase& c, std::string& got) {
  const std::filesystem::path file = dir / "case.txt";
  test::write_file(file, c.input);
  std::vector<std::string> args = {"script"};
  args.insert(args.end(), voice_args.begin(), voice_args.end());
  args.insert(args.end(), {"--format", c.format, file.string()});
  auto r = test::run_briefcast(args);
  got = r.exit_code == 0 ? r.out : "exit " + std::to_string(r.exit_code) + ": " + r.err;
  if (r.exit_code != 0) return false;
  auto lines = split(r.out, "\n");
  auto want = split(c.expected, " | ");
  if (lines.size() != want.size()) return false;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (ears.key(espeak_voice, lines[i]) != ears.key(espeak_voice, want[i])) return false;
  return true;
}

}  // namespace briefcast::scoring
