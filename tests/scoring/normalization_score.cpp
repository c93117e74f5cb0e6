// Normalization score over ../shared/corpus/normalization/nemo-*.txt (lines `written~spoken`):
// a case passes when eSpeak NG would say the same thing for to_spoken(written) as for the spoken
// form, compared as phonemes (SpeechEngine::phonemes, voice en-us, the `espeak-ng -q -x` form).
//
// Phoneme comparison (phoneme_key below), applied to both sides:
//  - stress marks removed: ' (primary), , (secondary), % (unstressed), = (stress on preceding);
//  - pause and boundary marks removed: '_' and the ':' '!' '^' that follow it (_:, _!, _^_), and
//    '|' (clause boundary);
//  - whitespace folded: every run of spaces, tabs and newlines becomes one space, trimmed.
// Word breaks are kept, so "covid-nineteen" (one word to eSpeak) and "covid nineteen" differ.
#include <algorithm>
#include <fstream>
#include <map>

#include "scoring/scores.hpp"
#include "spoken/normalizer.hpp"
#include "voice/speech_engine.hpp"

namespace briefcast::scoring {

std::string phoneme_key(const std::string& ph) {
  std::string out;
  bool space = false;
  for (std::size_t k = 0; k < ph.size(); ++k) {
    char c = ph[k];
    if (c == '\'' || c == ',' || c == '%' || c == '=' || c == '|') continue;
    if (c == '_') {
      while (k + 1 < ph.size() &&
             (ph[k + 1] == ':' || ph[k + 1] == '!' || ph[k + 1] == '^' || ph[k + 1] == '_'))
        ++k;
      space = true;  // a pause separates words
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::optional<Score> score_normalization(const std::filesystem::path& corpus) {
  std::filesystem::path dir = corpus / "normalization";
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.starts_with("nemo-") && name.ends_with(".txt")) files.push_back(e.path());
  }
  if (ec || files.empty()) return std::nullopt;
  std::sort(files.begin(), files.end());

  SpeechEngine engine;
  SynthesisConfig voice;
  voice.voice = "en-us";
  engine.configure(voice);
  NormalizerConfig config;
  config.language = "en";

  int total = 0, passed = 0, baseline = 0, loose = 0, baseline_loose = 0;
  std::string per_file, failures;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    int n = 0, ok = 0;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      auto sep = line.find('~');
      if (sep == std::string::npos) continue;
      std::string written = line.substr(0, sep), spoken = line.substr(sep + 1);
      std::string want = phoneme_key(engine.phonemes(spoken));
      std::string got = phoneme_key(engine.phonemes(to_spoken(written, config)));
      ++n;
      if (got == want)
        ++ok;
      else if (std::getenv("BRIEFCAST_SCORE_VERBOSE"))
        failures +=
            "\n  " + written + " -> " + to_spoken(written, config) + "  [want: " + spoken + "]";
      auto no_breaks = [](std::string k) {
        k.erase(std::remove(k.begin(), k.end(), ' '), k.end());
        return k;
      };
      if (no_breaks(got) == no_breaks(want)) ++loose;
      std::string alone = phoneme_key(engine.phonemes(written));
      if (alone == want) ++baseline;
      if (no_breaks(alone) == no_breaks(want)) ++baseline_loose;
    }
    total += n;
    passed += ok;
    std::string stem = f.stem().string().substr(5);
    per_file +=
        (per_file.empty() ? "" : ", ") + stem + " " + std::to_string(ok) + "/" + std::to_string(n);
  }
  if (!total) return std::nullopt;
  Score s;
  s.name = "normalization (NeMo cases, eSpeak phonemes)";
  s.unit = "%";
  s.target = 85.0;
  s.value = 100.0 * passed / total;
  // For reference, also the counts when word breaks are ignored too (not the scored value).
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "%d/%d cases; eSpeak alone %d/%d (%.1f%%); ignoring word breaks: %d/%d, eSpeak "
                "alone %d/%d; ",
                passed, total, baseline, total, 100.0 * baseline / total, loose, total,
                baseline_loose, total);
  s.detail = buf + per_file + failures;
  return s;
}

}  // namespace briefcast::scoring
