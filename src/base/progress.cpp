#include "base/progress.hpp"

#include <cstdio>
#include <string>

namespace briefcast {

Progress::Progress(std::ostream& out, bool enabled, std::size_t total_sentences, const char* unit)
    : out_(out),
      enabled_(enabled),
      total_(total_sentences),
      unit_(unit),
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
    std::string left = "--:--";
    if (done > 0 && done <= total_) {
      const auto secs = static_cast<long>(elapsed * double(total_ - done) / double(done) + 0.5);
      char eta[32];
      std::snprintf(eta, sizeof eta, "%ld:%02ld", secs / 60, secs % 60);
      left = eta;
    }
    std::snprintf(line, sizeof line, "\r[%s] %zu/%zu %s  %.1f min audio  %.0fx real-time  %s left ",
                  bar.c_str(), done, total_, unit_, audio_seconds / 60.0, speed, left.c_str());
  } else {
    std::snprintf(line, sizeof line, "\r%zu %s  %.1f min audio  %.0fx real-time ", done, unit_,
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
