#pragma once
// A look-ahead true-peak limiter over a mono float stream (the last stage of loudness
// normalization, loudness.hpp).
//
// Sample n leaves once the gain required by the samples up to kLookAheadSeconds after it is
// known: the gain is the minimum of the required gains over that window, averaged over the same
// window (a ramp that reaches each peak's gain in time and never exceeds any sample's
// requirement), then released with a short time constant. The required gain comes from the true
// peak (4x polyphase interpolation, a Hann-windowed sinc), computed only where a sample comes
// within kTruePeakWatch of the ceiling; everywhere else the sample peak is the peak, so the
// limiter costs a few operations per sample. Fixed buffers only: memory does not depend on the
// stream's length.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace briefcast {

class TruePeakLimiter {
 public:
  // `ceiling`: the largest true peak let through, linear (1.0 = full scale). `rate_hz`: the
  // stream's sample rate (sets the look-ahead and release in samples).
  TruePeakLimiter(double ceiling, unsigned rate_hz);

  // Limits `in` and appends to `out` what has left the look-ahead (it lags the input by a few
  // milliseconds until finish()).
  void process(std::span<const float> in, std::vector<float>& out);
  // Drains the look-ahead into `out`: in total exactly as many samples come out as went in.
  void finish(std::vector<float>& out);

  // Samples reduced by more than 0.1 dB so far, and the largest reduction, dB.
  std::uint64_t limited_samples() const { return limited_; }
  double max_reduction_db() const;
  // Largest output peak so far, linear (the sample peak; the interpolated one where computed).
  double peak() const { return peak_; }

 private:
  // Each returns how many samples it wrote to `to` (0 or 1).
  std::size_t feed(float x, float* to);
  double interpolated_peak(std::size_t n) const;
  void require(std::size_t n);
  std::size_t emit(std::size_t n, float* to);

  // Delay line: a power of two above look-ahead + interpolation span at 48 kHz.
  static constexpr std::size_t kRing = 512;
  double at(std::size_t i) const { return ring_[i % kRing]; }

  double ceiling_;
  double watch_;
  std::size_t look_;
  double inv_look_;
  double release_;
  std::vector<float> ring_;
  std::vector<double> required_;
  std::vector<double> peaks_;
  // Trailing minimum of the required gains over look_ samples: a monotonic queue of indices in a
  // ring (it never holds more than look_ entries).
  std::vector<std::size_t> queue_;
  std::size_t queue_head_ = 0;
  std::size_t queue_size_ = 0;
  std::vector<double> mins_;  // the last look_ window minima, and their sum
  std::size_t mins_at_ = 0;
  double min_sum_;
  std::size_t calm_ = 0;  // requirements in a row with no sample near the ceiling
  double gain_ = 1.0;
  // The interpolated peak of the interval after sample interval_, when interval_ready_.
  std::size_t interval_ = 0;
  double interval_peak_ = 0.0;
  bool interval_ready_ = false;
  std::size_t pushed_ = 0;
  std::size_t real_ = 0;  // input samples (not the zeros finish() adds)
  std::size_t emitted_ = 0;
  std::uint64_t limited_ = 0;
  double min_gain_ = 1.0;
  double peak_ = 0.0;
};

}  // namespace briefcast
