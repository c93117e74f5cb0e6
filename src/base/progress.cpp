#include "base/progress.hpp"

#include <cstdio>
#include <string>

namespace briefcast {

Progress::Progress(std::ostream& out, bool enabled, std::size_t total_sentences)
    : out_(out),
      enabled_(enabled),
      total_(total_sentences),
      start_(std::chrono::steady_clock::now()) {}

void Progress::update(std::size_t done, double audio_seconds) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100) && done != total_) return;
  last_draw_ = now;
  double elapsed = std::chrono::duration<double>(now - start_).count();
  double speed = elapsed > 0 ? audio_seconds / elapsed : 0.0;
  char line[160];
  if (total_ > 0) {
    constexpr int kWidth = 24;
    int filled = static_cast<int>(kWidth * static_cast<double>(done) / static_cast<double>(total_));
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, '.');
    std::snprintf(line, sizeof line, "\r[%s] %zu/%zu sentences  %.1f min audio  %.0fx real-time ",
                  bar.c_str(), done, total_, audio_seconds / 60.0, speed);
  } else {
    std::snprintf(line, sizeof line, "\r%zu sentences  %.1f min audio  %.0fx real-time ", done,
                  audio_seconds / 60.0, speed);
  }
  out_ << line << std::flush;
  drawn_ = true;
}

void Progress::finish() {
  if (!enabled_ || !drawn_) return;
  out_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace briefcast
