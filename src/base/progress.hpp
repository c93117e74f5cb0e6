#pragma once
// A one-line progress bar on a terminal: items done/total (sentences for `say`, parts for
// `build`), audio minutes, speed as ×real-time and the time remaining (from the pace so far).
// Disabled (prints nothing) when not enabled; redraws at most ten times a second.

#include <chrono>
#include <cstddef>
#include <ostream>

namespace briefcast {

class Progress {
 public:
  // `total_sentences` 0 means unknown (e.g. standard input): the bar then shows counts only.
  Progress(std::ostream& out, bool enabled, std::size_t total_sentences,
           const char* unit = "sentences");
  void update(std::size_t sentences_done, double audio_seconds);
  // Clears the line. Safe to call more than once.
  void finish();

 private:
  std::ostream& out_;
  bool enabled_;
  std::size_t total_;
  const char* unit_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
  bool drawn_ = false;
};

}  // namespace briefcast
