#include "audio/loudness.hpp"

#include <ebur128.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <optional>
#include <string>

#include "audio/true_peak_limiter.hpp"
#include "base/c_deleter.hpp"
#include "base/error.hpp"

namespace briefcast {

namespace {

// ebur128_destroy takes the address of the pointer, so CDeleter needs this adapter.
void destroy_ebur128(ebur128_state* state) noexcept { ebur128_destroy(&state); }
using EburPtr = std::unique_ptr<ebur128_state, CDeleter<destroy_ebur128>>;

// BS.1770 absolute gate: anything quieter counts as silence, never as a level to amplify.
constexpr double kAbsoluteGateLufs = -70.0;
// libebur128's momentary window; shorter chunks are measured as if zero-padded to it.
constexpr double kMomentarySeconds = 0.4;
// The most the gain adds to make up for what limiting took.
constexpr double kMaxMakeupDb = 3.0;
// A new gain is reached over this long at the start of a chunk (chunks start in a pause anyway).
constexpr double kGainRampSeconds = 0.010;
// 8th-order Butterworth low-pass (measurement of the encoder's band) as four biquads.
constexpr std::array<double, 4> kButterworth8Q = {0.5098, 0.6013, 0.9000, 2.5629};

double db_to_linear(double db) { return std::pow(10.0, db / 20.0); }
double linear_to_db(double v) { return 20.0 * std::log10(v); }

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

// One second-order section (RBJ cookbook), transposed direct form II, state kept across calls.
struct Biquad {
  double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;
  double z1 = 0, z2 = 0;

  // Second-order Butterworth high-pass (RBJ cookbook). Run forward and then backward over a
  // chunk it has zero phase: the voice's harmonics keep their shape and only what lies below the
  // voice goes (a causal first-order 20 Hz filter turned the fundamental enough to move the peak
  // of a third of the 10 ms windows by more than 1 dB, and still left -39 dB below 20 Hz).
  static Biquad highpass(double hz, double rate) {
    const double w = 2.0 * std::numbers::pi * hz / rate;
    const double c = std::cos(w);
    const double alpha = std::sin(w) / (2.0 * std::numbers::sqrt2 / 2.0);
    const double a0 = 1.0 + alpha;
    Biquad f;
    f.b0 = (1.0 + c) / 2.0 / a0;
    f.b1 = -(1.0 + c) / a0;
    f.b2 = f.b0;
    f.a1 = -2.0 * c / a0;
    f.a2 = (1.0 - alpha) / a0;
    return f;
  }
  static Biquad lowpass(double hz, double q, double rate) {
    const double w = 2.0 * std::numbers::pi * hz / rate;
    const double c = std::cos(w);
    const double alpha = std::sin(w) / (2.0 * q);
    const double a0 = 1.0 + alpha;
    Biquad f;
    const double edge = (1.0 - c) / 2.0;
    f.b0 = edge / a0;
    f.b1 = 2.0 * edge / a0;
    f.b2 = edge / a0;
    f.a1 = -2.0 * c / a0;
    f.a2 = (1.0 - alpha) / a0;
    return f;
  }
  double step(double x) {
    const double y = b0 * x + z1;
    z1 = b1 * x - a1 * y + z2;
    z2 = b2 * x - a2 * y;
    return y;
  }
};

}  // namespace

LoudnessStats measure_loudness(std::span<const float> samples, unsigned sample_rate_hz) {
  EburPtr state = make_state(sample_rate_hz, EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
  add(state.get(), samples);
  LoudnessStats stats;
  stats.integrated_lufs = integrated(state.get());
  double peak = 0;
  check(ebur128_true_peak(state.get(), 0, &peak), "compute true peak");
  stats.true_peak_dbtp = linear_to_db(peak);
  return stats;
}

struct LoudnessNormalizer::Impl {
  LoudnessConfig config;
  unsigned rate = 0;
  EburPtr input;                        // analysed input before gain: drives the gain
  EburPtr limited;                      // what render() produced: what limiting cost
  std::vector<Biquad> limited_lowpass;  // the encoder's band
  std::vector<float> limited_band;      // reused
  double input_peak = 0.0;
  double makeup_db = 0.0;
  // Σ energy and Σ gain²·energy of the analysed chunks: the loudness of the gained input is the
  // input's plus their ratio (the gain settles after the first paragraph; measuring the gained
  // input again would cost a second loudness state at the same rate).
  double input_energy = 0.0;
  double gained_energy = 0.0;
  std::optional<Biquad> highpass;
  std::vector<Biquad> lowpass;  // empty: the encoder keeps the whole band
  std::vector<float> measured;  // reused: the chunk as the encoder's band sees it
  std::vector<float> gained;    // reused: render()'s input after the gain
  std::optional<double> gain_db;
  double target_gain = 1.0;
  double current_gain = 1.0;
  double ramp_step = 0.0;
  std::size_t ramp_samples = 1;
  bool gain_set = false;  // the first gain applies at once: nothing was rendered before it
  std::optional<TruePeakLimiter> limiter;
};

LoudnessNormalizer::LoudnessNormalizer(const LoudnessConfig& config, unsigned sample_rate_hz)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.config = config;
  m.rate = sample_rate_hz;
  // Without the histogram, libebur128 keeps every 100 ms block in a list: memory grows with the
  // episode and each integrated() call walks it all. Bins of 0.1 LU keep both constant.
  m.input = make_state(sample_rate_hz, EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM);
  if (!config.enabled) return;
  const double nyquist = sample_rate_hz / 2.0;
  if (config.highpass_hz > 0 && config.highpass_hz < nyquist)
    m.highpass = Biquad::highpass(config.highpass_hz, sample_rate_hz);
  if (config.encoder_lowpass_hz > 0 && config.encoder_lowpass_hz < 0.9 * nyquist)
    for (double q : kButterworth8Q) {
      m.lowpass.push_back(Biquad::lowpass(config.encoder_lowpass_hz, q, sample_rate_hz));
      m.limited_lowpass.push_back(m.lowpass.back());
    }
  m.limited = make_state(sample_rate_hz, EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM);
  m.limiter.emplace(db_to_linear(config.true_peak_dbtp - config.headroom_db), sample_rate_hz);
  m.ramp_samples = std::max<std::size_t>(1, std::size_t(kGainRampSeconds * sample_rate_hz));
}

LoudnessNormalizer::~LoudnessNormalizer() = default;

void LoudnessNormalizer::measure_limited(Impl& m, std::span<const float> produced) {
  if (m.limited_lowpass.empty()) {
    add(m.limited.get(), produced);
    return;
  }
  m.limited_band.assign(produced.begin(), produced.end());
  for (float& s : m.limited_band) {
    double v = s;
    for (Biquad& f : m.limited_lowpass) v = f.step(v);
    s = static_cast<float>(v);
  }
  add(m.limited.get(), m.limited_band);
}

void LoudnessNormalizer::analyse(std::span<float> chunk) {
  Impl& m = *impl_;
  if (m.highpass) {
    // Forward with the state carried from chunk to chunk, then backward from a rested state:
    // chunks end in a pause (a paragraph's or a sentence's), where the backward pass has nothing
    // of the next chunk to hear (its impulse response has died away within 50 ms).
    for (float& s : chunk) s = static_cast<float>(m.highpass->step(s));
    Biquad backward = *m.highpass;
    backward.z1 = backward.z2 = 0.0;
    for (auto it = chunk.rbegin(); it != chunk.rend(); ++it)
      *it = static_cast<float>(backward.step(*it));
  }
  for (float s : chunk) m.input_peak = std::max(m.input_peak, double(std::fabs(s)));
  std::span<const float> band = chunk;
  if (!m.lowpass.empty()) {
    m.measured.assign(chunk.begin(), chunk.end());
    for (float& s : m.measured) {
      double v = s;
      for (Biquad& f : m.lowpass) v = f.step(v);
      s = static_cast<float>(v);
    }
    band = m.measured;
  }
  add(m.input.get(), band);
  if (!m.config.enabled) return;
  const double so_far = integrated(m.input.get());
  // The limiter takes a little loudness off the peaks; the gain makes it up, measured on what
  // was rendered so far (a fraction of a dB that settles like the gain itself).
  const double produced = integrated(m.limited.get());
  if (std::isfinite(so_far) && std::isfinite(produced) && m.input_energy > 0.0) {
    const double gained = so_far + 10.0 * std::log10(m.gained_energy / m.input_energy);
    m.makeup_db = std::clamp(gained - produced, 0.0, kMaxMakeupDb);
  }
  if (std::isfinite(so_far) && so_far >= kAbsoluteGateLufs)
    m.gain_db = m.config.target_lufs - so_far + m.makeup_db;
  else if (auto own = chunk_loudness(band, m.rate))
    m.gain_db = m.config.target_lufs - *own;
  const double gain = db_to_linear(m.gain_db.value_or(0.0));
  double energy = 0.0;
  for (float s : band) energy += double(s) * s;
  m.input_energy += energy;
  m.gained_energy += gain * gain * energy;
  m.target_gain = gain;
  if (!m.gain_set && m.gain_db) m.current_gain = gain;
  m.gain_set = m.gain_set || m.gain_db.has_value();
  m.ramp_step = (m.target_gain - m.current_gain) / double(m.ramp_samples);
}

void LoudnessNormalizer::render(std::span<const float> in, std::vector<float>& out) {
  Impl& m = *impl_;
  if (!m.limiter) {
    out.insert(out.end(), in.begin(), in.end());
    return;
  }
  m.gained.resize(in.size());
  std::size_t i = 0;
  for (; i < in.size() && m.current_gain != m.target_gain; ++i) {
    m.current_gain += m.ramp_step;
    if ((m.ramp_step > 0) == (m.current_gain > m.target_gain)) m.current_gain = m.target_gain;
    m.gained[i] = static_cast<float>(in[i] * m.current_gain);
  }
  for (; i < in.size(); ++i) m.gained[i] = static_cast<float>(in[i] * m.current_gain);
  const std::size_t first = out.size();
  m.limiter->process(m.gained, out);
  measure_limited(m, std::span<const float>(out).subspan(first));
}

void LoudnessNormalizer::finish(std::vector<float>& out) {
  if (!impl_->limiter) return;
  const std::size_t first = out.size();
  impl_->limiter->finish(out);
  measure_limited(*impl_, std::span<const float>(out).subspan(first));
}

void LoudnessNormalizer::process(std::span<float> chunk, std::vector<float>& out) {
  analyse(chunk);
  render(chunk, out);
}

LoudnessStats LoudnessNormalizer::input_stats() const {
  LoudnessStats stats;
  stats.integrated_lufs = integrated(impl_->input.get());
  stats.true_peak_dbtp = linear_to_db(impl_->input_peak);
  return stats;
}

LoudnessStats LoudnessNormalizer::output_stats() const {
  const Impl& m = *impl_;
  if (!m.limiter) return input_stats();  // the very same samples
  LoudnessStats stats;
  stats.integrated_lufs = integrated(m.limited.get());
  stats.true_peak_dbtp = linear_to_db(m.limiter->peak());
  return stats;
}

double LoudnessNormalizer::last_gain_db() const {
  return impl_->limiter ? impl_->gain_db.value_or(0.0) : 0.0;
}

std::uint64_t LoudnessNormalizer::limited_samples() const {
  return impl_->limiter ? impl_->limiter->limited_samples() : 0;
}

double LoudnessNormalizer::max_reduction_db() const {
  return impl_->limiter ? impl_->limiter->max_reduction_db() : 0.0;
}

}  // namespace briefcast
