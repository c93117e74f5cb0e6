#pragma once
// Loudness measurement (libebur128, ITU-R BS.1770 / EBU R128) and broadcast-style normalization
// of mono float audio: a gentle high-pass, a static gain, and a look-ahead true-peak limiter.
//
// Streaming choice: eSpeak NG speaks at a steady level, so a static gain does the levelling and
// the limiter only catches rare peaks. The caller hands over one bounded chunk at a time (a
// paragraph): analyse() high-passes it and measures it, and the gain for the audio rendered next is
// target − (integrated loudness of everything analysed so far) — it settles after the first
// paragraph and moves slowly after that, ramped over a few milliseconds at the chunk start.
// render() applies that gain and the limiter sample by sample (a few milliseconds of look-ahead,
// buffers reused), so memory does not depend on the chunk size or the length of the stream;
// finish() drains the look-ahead. The true peak is computed (4× polyphase interpolation) only where
// the sample peak comes near the ceiling. All of it runs at the synthesizer's own rate, before
// resampling: half the samples of a 44.1 kHz output from eSpeak NG's 22.05 kHz, and the true peak
// is the band-limited signal's, which a resampler keeps.
//
// The published file is what has to meet the target, so the config can name the encoder's
// low-pass (loudness is measured on the band the encoder keeps) and headroom below the ceiling
// for the peaks lossy encoding adds. Throws briefcast::Error(ExitCode::encode) when libebur128
// fails.

#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <vector>

namespace briefcast {

struct LoudnessConfig {
  bool enabled = true;           // false: pass audio through untouched (still measured)
  double target_lufs = -16.0;    // integrated loudness target, LUFS
  double true_peak_dbtp = -1.0;  // ceiling for the true peak, dBTP
  // Limiter ceiling = true_peak_dbtp − headroom_db: room for the peaks an encoder adds.
  double headroom_db = 0.2;
  // Low-pass of the encoder that follows (0: none): loudness is measured on what it keeps.
  double encoder_lowpass_hz = 0.0;
  // Removes DC and subsonic energy (0: off): a zero-phase high-pass (2nd-order Butterworth, run
  // forward and backward over each chunk: 4th-order slope, -6 dB at this frequency, -0.1 dB at
  // 100 Hz for 30 Hz).
  double highpass_hz = 30.0;
};

struct LoudnessStats {
  double integrated_lufs = -std::numeric_limits<double>::infinity();  // gated, BS.1770
  double true_peak_dbtp = -std::numeric_limits<double>::infinity();   // 4x oversampled peak
};

// Measures a whole signal at once (tests, verification of a decoded file).
LoudnessStats measure_loudness(std::span<const float> samples, unsigned sample_rate_hz);

class LoudnessNormalizer {
 public:
  // Audio at `sample_rate_hz` (the synthesizer's own rate: resample what render() gives).
  LoudnessNormalizer(const LoudnessConfig& config, unsigned sample_rate_hz);
  ~LoudnessNormalizer();
  LoudnessNormalizer(const LoudnessNormalizer&) = delete;
  LoudnessNormalizer& operator=(const LoudnessNormalizer&) = delete;

  // High-passes one chunk in place (when enabled), measures it and sets the gain for what is
  // rendered next. Chunks must be handed over in order, and should end in a pause (the backward
  // pass of the high-pass starts at rest at the chunk's end).
  void analyse(std::span<float> chunk);
  // Applies gain and limiting to the same stretch of audio; appends the result to `out`. The
  // limiter's look-ahead holds back a few milliseconds until finish().
  void render(std::span<const float> in, std::vector<float>& out);
  // Drains the look-ahead into `out`: in total exactly as many samples come out as went in.
  void finish(std::vector<float>& out);
  // analyse() + render().
  void process(std::span<float> chunk, std::vector<float>& out);

  // Loudness of all input analysed so far, before any gain (after the high-pass).
  LoudnessStats input_stats() const;
  // Loudness of what was rendered; its true peak as the limiter saw it (true_peak_limiter.hpp).
  LoudnessStats output_stats() const;
  // Gain set by the most recent analyse(), dB (0 when disabled).
  double last_gain_db() const;
  // Samples the limiter has reduced by more than 0.1 dB so far, and the largest reduction, dB.
  std::uint64_t limited_samples() const;
  double max_reduction_db() const;

 private:
  struct Impl;
  static void measure_limited(Impl& m, std::span<const float> produced);
  std::unique_ptr<Impl> impl_;
};

}  // namespace briefcast
