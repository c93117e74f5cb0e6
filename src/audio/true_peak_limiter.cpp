#include "audio/true_peak_limiter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace briefcast {

namespace {

// Look-ahead (and attack ramp) and release time constant.
constexpr double kLookAheadSeconds = 0.001;
constexpr double kReleaseSeconds = 0.005;
// True-peak interpolation: 4× oversampling, a Hann-windowed sinc kKernelHalf taps each side.
constexpr int kOversample = 4;
constexpr int kKernelHalf = 8;
// Between two samples the band-limited signal rises at most ~3 dB above them for speech-band
// audio: only where a sample comes within this factor of the ceiling is the true peak computed.
constexpr double kTruePeakWatch = 0.6;        // −4.4 dB
constexpr double kCountedReduction = 0.9886;  // −0.1 dB

// 4× interpolation kernels for the three points between two samples.
struct TruePeakKernel {
  std::array<std::array<double, 2 * kKernelHalf>, kOversample - 1> taps{};
  TruePeakKernel() {
    for (int p = 1; p < kOversample; ++p) {
      const double t = double(p) / kOversample;
      for (int k = -kKernelHalf + 1; k <= kKernelHalf; ++k) {
        const double u = t - k;
        const double sinc = std::sin(std::numbers::pi * u) / (std::numbers::pi * u);
        const double hann = 0.5 * (1.0 + std::cos(std::numbers::pi * u / kKernelHalf));
        taps[p - 1][k + kKernelHalf - 1] = sinc * hann;
      }
    }
  }
};

const TruePeakKernel& kernel() {
  static const TruePeakKernel k;
  return k;
}

}  // namespace

TruePeakLimiter::TruePeakLimiter(double ceiling, unsigned rate_hz)
    : ceiling_(ceiling),
      watch_(ceiling * kTruePeakWatch),
      look_(std::clamp<std::size_t>(static_cast<std::size_t>(kLookAheadSeconds * rate_hz), 1,
                                    kRing / 2)),
      inv_look_(1.0 / double(look_)),
      release_(1.0 - std::exp(-1.0 / (kReleaseSeconds * rate_hz))),
      ring_(kRing, 0.0f),
      required_(kRing, 1.0),
      peaks_(kRing, 0.0),
      queue_(kRing, 0),
      mins_(look_, 1.0),
      min_sum_(double(look_)) {}

void TruePeakLimiter::process(std::span<const float> in, std::vector<float>& out) {
  // Each input sample lets at most one sample out: write through a pointer, trim afterwards.
  const std::size_t first = out.size();
  out.resize(first + in.size());
  float* to = out.data() + first;
  for (float x : in) {
    ++real_;
    to += feed(x, to);
  }
  out.resize(static_cast<std::size_t>(to - out.data()));
}

void TruePeakLimiter::finish(std::vector<float>& out) {
  while (emitted_ < real_) {
    float y = 0.0f;
    if (feed(0.0f, &y)) out.push_back(y);
  }
}

double TruePeakLimiter::max_reduction_db() const { return -20.0 * std::log10(min_gain_); }

std::size_t TruePeakLimiter::feed(float x, float* to) {
  const std::size_t m = pushed_++;
  ring_[m % kRing] = x;
  if (m < kKernelHalf) return 0;
  require(m - kKernelHalf);
  const std::size_t j = m - kKernelHalf;  // newest sample with a known requirement
  if (j + 1 < look_) return 0;
  return emit(j + 1 - look_, to);
}

double TruePeakLimiter::interpolated_peak(std::size_t n) const {  // between n and n + 1
  // The samples under the kernel, in a row (the ones before the stream are zero).
  std::array<double, 2 * kKernelHalf> window{};
  for (std::size_t k = 0; k < window.size(); ++k) {
    const std::size_t i = n + k + 1;
    window[k] = i >= kKernelHalf ? at(i - kKernelHalf) : 0.0;
  }
  double best = 0.0;
  for (const auto& taps : kernel().taps) {
    double y = 0.0;
    for (std::size_t k = 0; k < window.size(); ++k) y += taps[k] * window[k];
    best = std::max(best, std::fabs(y));
  }
  return best;
}

void TruePeakLimiter::require(std::size_t n) {
  double p = std::fabs(at(n));
  const double before = n > 0 ? std::fabs(at(n - 1)) : 0.0;
  const double after = std::fabs(at(n + 1));
  if (std::max({p, before, after}) <= watch_) {
    // Calm for two windows: every requirement in the trailing window is 1 (the queue holds the
    // newest alone) and so is every window minimum; nothing else needs updating.
    if (++calm_ >= 2 * look_) {
      required_[n % kRing] = 1.0;
      peaks_[n % kRing] = p;
      queue_[queue_head_] = n;
      queue_size_ = 1;
      min_sum_ = double(look_);
      return;
    }
  } else {
    calm_ = 0;
    // The interval before n was often computed for the sample before: reuse it.
    if (n > 0)
      p = std::max(
          p, interval_ready_ && interval_ == n - 1 ? interval_peak_ : interpolated_peak(n - 1));
    interval_peak_ = interpolated_peak(n);
    interval_ = n;
    interval_ready_ = true;
    p = std::max(p, interval_peak_);
  }
  const double r = p > ceiling_ ? ceiling_ / p : 1.0;
  required_[n % kRing] = r;
  peaks_[n % kRing] = p;
  // Trailing minimum over look_ samples: drop the larger requirements behind, the expired front.
  while (queue_size_ > 0 && required_[queue_[(queue_head_ + queue_size_ - 1) % kRing] % kRing] >= r)
    --queue_size_;
  queue_[(queue_head_ + queue_size_) % kRing] = n;
  ++queue_size_;
  while (queue_[queue_head_] + look_ <= n) {
    queue_head_ = (queue_head_ + 1) % kRing;
    --queue_size_;
  }
  const double window_min = required_[queue_[queue_head_] % kRing];
  min_sum_ += window_min - mins_[mins_at_];
  mins_[mins_at_] = window_min;
  if (++mins_at_ == look_) mins_at_ = 0;
}

std::size_t TruePeakLimiter::emit(std::size_t n, float* to) {
  const double smooth = min_sum_ * inv_look_;
  gain_ = smooth < gain_ ? smooth : gain_ + (smooth - gain_) * release_;
  const double g = std::min(gain_, required_[n % kRing]);
  if (n >= real_) return 0;  // a zero finish() added past the end
  *to = static_cast<float>(at(n) * g);
  ++emitted_;
  if (g < kCountedReduction) {
    ++limited_;
    min_gain_ = std::min(min_gain_, g);
  }
  peak_ = std::max(peak_, peaks_[n % kRing] * g);
  return 1;
}

}  // namespace briefcast
