#pragma once
// Loudness measurement (libebur128, ITU-R BS.1770 / EBU R128) and streaming normalization of mono
// float audio to a target integrated loudness with a true-peak ceiling.
//
// Streaming choice: the caller hands over one bounded chunk at a time (a paragraph, capped at
// a few tens of seconds). The gain for a chunk is target − (integrated loudness of everything seen
// so far, including this chunk, before gain), so memory is bounded by the chunk size and the gain
// settles after the first paragraph. A look-ahead limiter inside each chunk keeps the true peak
// under the ceiling. Throws briefcast::Error(ExitCode::encode) when libebur128 fails.

#include <limits>
#include <memory>
#include <span>
#include <vector>

namespace briefcast {

struct LoudnessConfig {
  bool enabled = true;           // false: pass audio through untouched (still measured)
  double target_lufs = -16.0;    // integrated loudness target, LUFS
  double true_peak_dbtp = -1.0;  // ceiling for the true peak, dBTP
};

struct LoudnessStats {
  double integrated_lufs = -std::numeric_limits<double>::infinity();  // gated, BS.1770
  double true_peak_dbtp = -std::numeric_limits<double>::infinity();   // 4x oversampled peak
};

// Measures a whole signal at once (tests, verification of a decoded file).
LoudnessStats measure_loudness(std::span<const float> samples, unsigned sample_rate_hz);

class LoudnessNormalizer {
 public:
  LoudnessNormalizer(const LoudnessConfig& config, unsigned sample_rate_hz);
  ~LoudnessNormalizer();
  LoudnessNormalizer(const LoudnessNormalizer&) = delete;
  LoudnessNormalizer& operator=(const LoudnessNormalizer&) = delete;

  // Applies gain and limiting to one chunk in place. Chunks must be handed over in order.
  void process(std::vector<float>& chunk);

  // Loudness of all input seen so far, before any gain.
  LoudnessStats input_stats() const;
  // Loudness of all output produced so far, after gain and limiting.
  LoudnessStats output_stats() const;
  // Gain applied to the most recent chunk, dB (0 when disabled).
  double last_gain_db() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace briefcast
