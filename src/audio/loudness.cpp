#include "audio/loudness.hpp"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>
#include <string>

#include "base/c_deleter.hpp"
#include "base/error.hpp"

namespace briefcast {

namespace {

// ebur128_destroy takes the address of the pointer, so CDeleter needs this adapter.
void destroy_ebur128(ebur128_state* state) noexcept { ebur128_destroy(&state); }
using EburPtr = std::unique_ptr<ebur128_state, CDeleter<destroy_ebur128>>;

// BS.1770 absolute gate: anything quieter counts as silence, never as a level to amplify.
constexpr double kAbsoluteGateLufs = -70.0;
// Measured true peak stays this far under the ceiling: MP3 encoding adds peaks of its own.
// 0.5 dB left 2 of 4 eSpeak articles above -1 dBTP after LAME 64 kbps CBR and mpg123 decoding
// (up to -0.78); 1.5 dB kept all four at or below -1.2.
constexpr double kTruePeakMarginDb = 1.5;
// The sample limiter's first ceiling, lower still: true peaks exceed sample peaks, and starting
// below saves re-limiting rounds.
constexpr double kSampleMarginDb = 2.0;
constexpr double kLookAheadSeconds = 0.003;
constexpr double kReleaseSeconds = 0.060;
// Longer than the true-peak interpolator's delay, so the chunk's last samples are measured too.
constexpr std::size_t kTruePeakTailFrames = 64;
// Loudness passes per peak round, peak rounds per chunk, the most make-up gain they may add, and
// when to stop adding it.
constexpr int kMaxPasses = 6;
constexpr int kMaxPeakRounds = 3;
constexpr double kMaxMakeupDb = 6.0;
constexpr double kMakeupToleranceDb = 0.1;
constexpr double kMinMakeupSlope = 0.25;
constexpr double kCeilingStepDb = 0.05;
// libebur128's momentary window; shorter chunks are measured as if zero-padded to it.
constexpr double kMomentarySeconds = 0.4;

double db_to_linear(double db) { return std::pow(10.0, db / 20.0); }

EburPtr make_state(unsigned sample_rate_hz, int mode) {
  EburPtr state(ebur128_init(1, sample_rate_hz, mode));
  if (!state)
    throw Error(ExitCode::encode, "loudness: libebur128 cannot measure audio at " +
                                      std::to_string(sample_rate_hz) + " Hz");
  return state;
}

void check(int rc, const char* what) {
  if (rc != EBUR128_SUCCESS)
    throw Error(ExitCode::encode,
                std::string("loudness: libebur128 failed to ") + what +
                    (rc == EBUR128_ERROR_NOMEM ? " (out of memory)"
                                               : " (error " + std::to_string(rc) + ")"));
}

void add(ebur128_state* state, std::span<const float> samples) {
  if (!samples.empty())
    check(ebur128_add_frames_float(state, samples.data(), samples.size()), "measure audio");
}

double integrated(ebur128_state* state) {
  double lufs = 0;
  check(ebur128_loudness_global(state, &lufs), "compute integrated loudness");
  return lufs;  // -inf (HUGE_VAL) when no 400 ms block passes the gates
}

double true_peak_linear(ebur128_state* state) {
  double peak = 0;
  check(ebur128_true_peak(state, 0, &peak), "compute true peak");
  return peak;
}

LoudnessStats stats_of(ebur128_state* state) {
  LoudnessStats stats;
  stats.integrated_lufs = integrated(state);
  stats.true_peak_dbtp = 20.0 * std::log10(true_peak_linear(state));
  return stats;
}

// Loudness of one chunk on its own; nullopt when it is silent. Gated loudness needs 400 ms, so a
// shorter chunk falls back to momentary loudness corrected for the zeros that pad its window.
std::optional<double> chunk_loudness(std::span<const float> chunk, unsigned sample_rate_hz) {
  if (chunk.empty()) return std::nullopt;
  EburPtr state = make_state(sample_rate_hz, EBUR128_MODE_I);
  add(state.get(), chunk);
  double lufs = integrated(state.get());
  const double seconds = double(chunk.size()) / sample_rate_hz;
  if (!std::isfinite(lufs) && seconds < kMomentarySeconds) {
    check(ebur128_loudness_momentary(state.get(), &lufs), "compute momentary loudness");
    lufs -= 10.0 * std::log10(seconds / kMomentarySeconds);
  }
  if (!std::isfinite(lufs) || lufs < kAbsoluteGateLufs) return std::nullopt;
  return lufs;
}

// Per-sample gain that keeps |chunk[n] * gain[n]| <= ceiling, rising back slowly after a peak.
std::vector<double> limiter_gain(const std::vector<float>& chunk, double ceiling,
                                 unsigned sample_rate_hz) {
  const std::size_t n = chunk.size();
  const auto w = static_cast<std::size_t>(kLookAheadSeconds * sample_rate_hz);
  std::vector<double> required(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double a = std::fabs(double(chunk[i]));
    required[i] = a > ceiling ? ceiling / a : 1.0;
  }
  // Sliding minimum over [i - w, i + w] with a monotonic deque of indices.
  std::vector<double> window_min(n);
  std::deque<std::size_t> candidates;
  std::size_t next = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (; next < n && next <= i + w; ++next) {
      while (!candidates.empty() && required[candidates.back()] >= required[next])
        candidates.pop_back();
      candidates.push_back(next);
    }
    while (candidates.front() + w < i) candidates.pop_front();
    window_min[i] = required[candidates.front()];
  }
  // Averaging the minimum over the same window turns steps into ramps; every term of the average
  // at i comes from a window that contains i, so the result never exceeds required[i].
  std::vector<double> prefix(n + 1, 0.0);
  for (std::size_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] + window_min[i];
  const double release = 1.0 - std::exp(-1.0 / (kReleaseSeconds * sample_rate_hz));
  std::vector<double> gain(n);
  double previous = 1.0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t lo = i >= w ? i - w : 0;
    const std::size_t hi = std::min(n, i + w + 1);
    const double smooth = (prefix[hi] - prefix[lo]) / double(hi - lo);
    // Falling follows at once (already ramped); rising moves toward `smooth` but stays below it.
    previous = smooth < previous ? smooth : previous + (smooth - previous) * release;
    gain[i] = std::min(previous, required[i]);  // min guards against rounding in the average
  }
  return gain;
}

}  // namespace

LoudnessStats measure_loudness(std::span<const float> samples, unsigned sample_rate_hz) {
  EburPtr state = make_state(sample_rate_hz, EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
  add(state.get(), samples);
  return stats_of(state.get());
}

struct LoudnessNormalizer::Impl {
  LoudnessConfig config;
  unsigned sample_rate_hz = 0;
  EburPtr input;  // unprocessed input: drives the gain
  // What we hand on, for output_stats(). Loudness only: the true peak of each chunk is measured
  // anyway while limiting, and measuring it twice would double the stage's main cost.
  EburPtr output;
  double output_peak = 0.0;  // linear
  std::optional<double> previous_gain_db;
  double last_gain_db = 0.0;
  double last_makeup_db = 0.0;  // what limiting cost the previous chunk, dB

  // Gain from a measurement, or nullopt when neither the stream nor the chunk is measurable yet.
  std::optional<double> measured_gain_db(std::span<const float> chunk) const {
    const double so_far = integrated(input.get());
    if (std::isfinite(so_far)) return config.target_lufs - so_far;
    if (auto own = chunk_loudness(chunk, sample_rate_hz)) return config.target_lufs - *own;
    return std::nullopt;
  }

  // Applies gain and limiting to `chunk`, keeping its true peak under the ceiling. Returns the
  // gain applied in dB, including make-up, and sets `peak` to the chunk's true peak (linear).
  double render(std::vector<float>& chunk, double gain_db, double& peak) {
    const std::optional<double> unlimited = chunk_loudness(chunk, sample_rate_hz);
    const double peak_limit = db_to_linear(config.true_peak_dbtp - kTruePeakMarginDb);
    double ceiling_db = config.true_peak_dbtp - kSampleMarginDb;
    std::vector<float> out;
    double applied_db = gain_db;
    for (int round = 0; round < kMaxPeakRounds; ++round) {
      applied_db = fit_loudness(chunk, unlimited, gain_db, ceiling_db, out);
      // The true peak costs far more to measure than loudness, so it is checked once per round.
      peak = true_peak(out);
      if (peak <= peak_limit) break;
      // Inter-sample peaks the sample limiter cannot see: lower its ceiling by the excess (plus
      // a little, so rounding cannot leave the next round a hair above the limit).
      ceiling_db -= 20.0 * std::log10(peak / peak_limit) + kCeilingStepDb;
    }
    if (peak > peak_limit) {  // rounds exhausted: a whole-chunk gain is the last resort
      for (float& s : out) s = static_cast<float>(double(s) * peak_limit / peak);
      peak = peak_limit;
    }
    chunk = std::move(out);
    if (unlimited) last_makeup_db = applied_db - gain_db;
    return applied_db;
  }

  // Limiting costs loudness when peaks stand far above the average (plosives, clicks). Searches
  // the make-up gain that brings the limited chunk back to `unlimited` + `gain_db`, starting from
  // the previous chunk's (neighbours need similar make-up). Returns the gain applied to `out`.
  double fit_loudness(const std::vector<float>& chunk, std::optional<double> unlimited,
                      double gain_db, double ceiling_db, std::vector<float>& out) const {
    double makeup_db = unlimited ? last_makeup_db : 0.0;
    double previous_makeup_db = 0.0;
    double previous_shortfall_db = 0.0;
    for (int pass = 0;; ++pass) {
      out = limit(chunk, gain_db + makeup_db, ceiling_db);
      const auto limited = unlimited ? chunk_loudness(out, sample_rate_hz) : std::nullopt;
      if (!limited || pass + 1 == kMaxPasses) break;
      const double shortfall_db = *unlimited + gain_db - *limited;
      if (std::fabs(shortfall_db) < kMakeupToleranceDb ||
          (shortfall_db > 0 && makeup_db >= kMaxMakeupDb))
        break;
      // Once the limiter works, a dB of make-up buys less than a dB: step by the slope seen
      // between passes (a secant step), bounded so one odd measurement cannot run away.
      double slope = 1.0;
      if (pass > 0 && makeup_db != previous_makeup_db)
        slope =
            std::clamp((previous_shortfall_db - shortfall_db) / (makeup_db - previous_makeup_db),
                       kMinMakeupSlope, 1.0);
      previous_makeup_db = makeup_db;
      previous_shortfall_db = shortfall_db;
      makeup_db = std::clamp(makeup_db + shortfall_db / slope, 0.0, kMaxMakeupDb);
    }
    return gain_db + makeup_db;
  }

  std::vector<float> limit(const std::vector<float>& chunk, double gain_db,
                           double ceiling_db) const {
    const double gain = db_to_linear(gain_db);
    std::vector<float> out(chunk.size());
    for (std::size_t i = 0; i < chunk.size(); ++i)
      out[i] = static_cast<float>(double(chunk[i]) * gain);
    const std::vector<double> limiter = limiter_gain(out, db_to_linear(ceiling_db), sample_rate_hz);
    for (std::size_t i = 0; i < out.size(); ++i)
      out[i] = static_cast<float>(double(out[i]) * limiter[i]);
    return out;
  }

  double true_peak(std::span<const float> samples) const {
    EburPtr state = make_state(sample_rate_hz, EBUR128_MODE_TRUE_PEAK);
    add(state.get(), samples);
    const std::vector<float> tail(kTruePeakTailFrames, 0.0f);
    add(state.get(), tail);
    return true_peak_linear(state.get());
  }
};

LoudnessNormalizer::LoudnessNormalizer(const LoudnessConfig& config, unsigned sample_rate_hz)
    : impl_(std::make_unique<Impl>()) {
  impl_->config = config;
  impl_->sample_rate_hz = sample_rate_hz;
  // Without the histogram, libebur128 keeps every 100 ms block in a list: memory grows with the
  // episode and each integrated() call walks it all. Bins of 0.1 LU keep both constant.
  impl_->input =
      make_state(sample_rate_hz, EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK | EBUR128_MODE_HISTOGRAM);
  impl_->output = make_state(sample_rate_hz, EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM);
}

LoudnessNormalizer::~LoudnessNormalizer() = default;

void LoudnessNormalizer::process(std::vector<float>& chunk) {
  Impl& m = *impl_;
  add(m.input.get(), chunk);
  if (!m.config.enabled) return;
  if (auto measured = m.measured_gain_db(chunk)) m.previous_gain_db = measured;
  double peak = 0.0;
  m.last_gain_db = m.render(chunk, m.previous_gain_db.value_or(0.0), peak);
  m.output_peak = std::max(m.output_peak, peak);
  add(m.output.get(), chunk);
}

LoudnessStats LoudnessNormalizer::input_stats() const { return stats_of(impl_->input.get()); }

LoudnessStats LoudnessNormalizer::output_stats() const {
  if (!impl_->config.enabled) return input_stats();  // the very same samples
  LoudnessStats stats;
  stats.integrated_lufs = integrated(impl_->output.get());
  stats.true_peak_dbtp = 20.0 * std::log10(impl_->output_peak);
  return stats;
}

double LoudnessNormalizer::last_gain_db() const { return impl_->last_gain_db; }

}  // namespace briefcast
