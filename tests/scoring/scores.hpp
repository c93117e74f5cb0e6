#pragma once
// Quality scores of the text front end over ../shared/corpus (see its README for how each is
// scored). Each scorer lives in its own file here; `briefcast_score` prints them all and the
// *_score_test.cpp tests assert the thresholds of the text front-end issue.

#include <filesystem>
#include <optional>
#include <string>

namespace briefcast::scoring {

struct Score {
  std::string name;    // e.g. "segmentation golden rules"
  double value = 0;    // the measured score, in the unit of `target`
  double target = 0;   // the threshold the tests assert (value >= target)
  std::string unit;    // e.g. "cases", "F1", "%"
  std::string detail;  // one line: counts, failures worth reading
  bool passed() const { return value >= target; }
};

// One line for logs: "segmentation golden rules: 47 cases (target >= 46) ...".
std::string format_score(const Score& s);

// The corpus folder (../shared/corpus beside the repository), or nullopt when absent.
std::optional<std::filesystem::path> find_corpus();

// eSpeak NG phonemes compared without stress and pause marks, whitespace folded (see
// normalization_score.cpp): two texts that compare equal sound the same to a listener.
std::string phoneme_key(const std::string& phonemes);

// Each returns nullopt when its corpus files are absent.
std::optional<Score> score_segmentation(const std::filesystem::path& corpus);   // golden rules
std::optional<Score> score_scraped(const std::filesystem::path& corpus);        // seed-article
std::optional<Score> score_extraction(const std::filesystem::path& corpus);     // 61 pages, F1
std::optional<Score> score_normalization(const std::filesystem::path& corpus);  // NeMo, phonemes

}  // namespace briefcast::scoring
