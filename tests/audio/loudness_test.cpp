#include "audio/loudness.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <numbers>
#include <random>
#include <span>
#include <vector>

#include "base/error.hpp"
#include "support/test_support.hpp"

namespace briefcast {
namespace {

constexpr unsigned kRate = 44100;

// Noise shaped like speech at `lufs`: 4 Hz syllables, a pause every 0.8 s and a short loud burst
// (a plosive) every 1.3 s, so its peaks stand about 20 dB above its loudness.
std::vector<float> speech_like(double seconds, double lufs, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::vector<float> v(static_cast<std::size_t>(seconds * kRate));
  double lowpassed = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const double t = double(i) / kRate;
    lowpassed += 0.3 * (noise(rng) - lowpassed);
    double envelope = std::pow(std::sin(std::numbers::pi * 4.0 * t), 2.0);
    if (std::fmod(t, 0.8) > 0.6) envelope = 0.0;
    if (std::fmod(t, 1.3) < 0.005) envelope = 3.0;
    v[i] = static_cast<float>(envelope * lowpassed);
  }
  const double gain = std::pow(10.0, (lufs - measure_loudness(v, kRate).integrated_lufs) / 20.0);
  for (float& s : v) s = static_cast<float>(s * gain);
  return v;
}

// Feeds `in` to `n` in chunks of 2-5 s and returns the concatenated output.
std::vector<float> normalize_in_chunks(LoudnessNormalizer& n, const std::vector<float>& in) {
  std::mt19937 rng(3);
  std::uniform_int_distribution<std::size_t> size(2 * kRate, 5 * kRate);
  std::vector<float> out;
  for (std::size_t pos = 0; pos < in.size();) {
    const std::size_t len = std::min(size(rng), in.size() - pos);
    std::vector<float> chunk(in.begin() + std::ptrdiff_t(pos),
                             in.begin() + std::ptrdiff_t(pos + len));
    n.process(chunk, out);
    REQUIRE(std::isfinite(n.last_gain_db()));
    pos += len;
  }
  n.finish(out);
  REQUIRE(out.size() == in.size());  // the look-ahead delays but keeps every sample
  return out;
}

// Normalizes `in` with the default settings and checks the result against them: -16 LUFS
// integrated (within 0.5 LU), true peak at most -1 dBTP.
void check_default_normalization(const std::vector<float>& in) {
  LoudnessNormalizer n({}, kRate);
  const auto out = normalize_in_chunks(n, in);
  const LoudnessStats after = measure_loudness(out, kRate);
  INFO("output " << after.integrated_lufs << " LUFS, " << after.true_peak_dbtp << " dBTP");
  CHECK(after.true_peak_dbtp <= -1.0);
  CHECK(after.integrated_lufs == Approx(-16.0).margin(0.5));
}

}  // namespace

TEST_CASE("a full-scale 997 Hz sine measures -3.01 LUFS and 0 dBTP", "[audio]") {
  const auto s = test::sine(997.0, 1.0, 5.0, 48000);
  const LoudnessStats stats = measure_loudness(s, 48000);
  CHECK(stats.integrated_lufs == Approx(-3.01).margin(0.1));
  CHECK(stats.true_peak_dbtp == Approx(0.0).margin(0.1));

  const auto quiet = test::sine(997.0, 0.1, 5.0, 48000);
  CHECK(measure_loudness(quiet, 48000).integrated_lufs == Approx(-23.01).margin(0.1));
}

TEST_CASE("quiet speech-like audio is normalized to -16 LUFS under -1 dBTP", "[audio]") {
  const auto in = speech_like(40.0, -35.0, 1);
  const LoudnessStats before = measure_loudness(in, kRate);
  REQUIRE(before.integrated_lufs == Approx(-35.0).margin(0.01));

  LoudnessNormalizer n({}, kRate);
  const auto out = normalize_in_chunks(n, in);
  const LoudnessStats after = measure_loudness(out, kRate);
  INFO("output " << after.integrated_lufs << " LUFS, " << after.true_peak_dbtp << " dBTP");
  CHECK(after.integrated_lufs == Approx(-16.0).margin(0.5));
  CHECK(after.true_peak_dbtp <= -1.0);

  // The running statistics agree with measuring the whole signals afterwards.
  // 0.05: the running states bin loudness in 0.1 LU steps to keep memory flat.
  CHECK(n.input_stats().integrated_lufs == Approx(before.integrated_lufs).margin(0.05));
  CHECK(n.output_stats().integrated_lufs == Approx(after.integrated_lufs).margin(0.05));
  // The limiter's own true-peak estimate (interpolated only near the ceiling).
  CHECK(n.output_stats().true_peak_dbtp == Approx(after.true_peak_dbtp).margin(0.3));
}

TEST_CASE("loud audio is turned down to the target", "[audio]") {
  const auto in = speech_like(30.0, -8.0, 2);
  LoudnessNormalizer n({}, kRate);
  const auto out = normalize_in_chunks(n, in);
  const LoudnessStats after = measure_loudness(out, kRate);
  INFO("output " << after.integrated_lufs << " LUFS, " << after.true_peak_dbtp << " dBTP");
  CHECK(n.last_gain_db() < 0.0);
  CHECK(after.integrated_lufs == Approx(-16.0).margin(0.5));
  CHECK(after.true_peak_dbtp <= -1.0);
}

TEST_CASE("sparse clicks on a quiet tone stay under the true-peak ceiling", "[audio]") {
  auto in = test::sine(440.0, 0.01, 32.0, kRate);
  for (std::size_t i = kRate / 2; i < in.size(); i += kRate) in[i] = 0.9f;  // one click a second
  // The limiter acts only around the clicks, so the tone still reaches the target.
  check_default_normalization(in);
}

TEST_CASE("inter-sample peaks above the sample peaks are caught", "[audio]") {
  // Two equal samples in a row peak about 2 dB higher between them, where the sample limiter
  // cannot see.
  auto in = test::sine(440.0, 0.01, 32.0, kRate);
  for (std::size_t i = kRate / 4; i + 1 < in.size(); i += kRate / 2) in[i] = in[i + 1] = 0.5f;
  const LoudnessStats before = measure_loudness(in, kRate);
  REQUIRE(before.true_peak_dbtp > 20.0 * std::log10(0.5) + 1.5);
  check_default_normalization(in);
}

TEST_CASE("a custom target and ceiling are honoured", "[audio]") {
  const auto in = speech_like(30.0, -30.0, 4);
  LoudnessNormalizer n({.enabled = true, .target_lufs = -23.0, .true_peak_dbtp = -3.0}, kRate);
  const auto out = normalize_in_chunks(n, in);
  const LoudnessStats after = measure_loudness(out, kRate);
  INFO("output " << after.integrated_lufs << " LUFS, " << after.true_peak_dbtp << " dBTP");
  CHECK(after.integrated_lufs == Approx(-23.0).margin(0.5));
  CHECK(after.true_peak_dbtp <= -3.0);
}

TEST_CASE("disabled normalization leaves samples bit-identical but still measures", "[audio]") {
  const auto in = speech_like(10.0, -30.0, 5);
  LoudnessNormalizer n({.enabled = false}, kRate);
  const auto out = normalize_in_chunks(n, in);
  REQUIRE(out.size() == in.size());
  CHECK(std::memcmp(out.data(), in.data(), in.size() * sizeof(float)) == 0);
  CHECK(n.last_gain_db() == 0.0);
  const LoudnessStats measured = measure_loudness(in, kRate);
  CHECK(n.input_stats().integrated_lufs == Approx(measured.integrated_lufs).margin(0.05));
  CHECK(n.output_stats().integrated_lufs == Approx(measured.integrated_lufs).margin(0.05));
}

TEST_CASE("silence is neither amplified nor turned into NaN", "[audio]") {
  LoudnessNormalizer n({}, kRate);
  for (std::size_t len : {std::size_t{0}, std::size_t{kRate / 10}, std::size_t{3 * kRate}}) {
    std::vector<float> chunk(len, 0.0f);
    std::vector<float> out;
    n.process(chunk, out);
    CHECK(n.last_gain_db() == 0.0);
    n.finish(out);  // drained: what comes next starts with its own first sample
    CHECK(out.size() == len);
    CHECK(std::all_of(out.begin(), out.end(), [](float s) { return s == 0.0f; }));
  }
  const LoudnessStats out = n.output_stats();
  CHECK(std::isinf(out.integrated_lufs));
  CHECK(out.integrated_lufs < 0);
  CHECK(!std::isnan(out.true_peak_dbtp));

  // Speech after the silence is still brought to the target.
  auto speech = speech_like(30.0, -30.0, 6);
  const auto normalized = normalize_in_chunks(n, speech);
  CHECK(measure_loudness(normalized, kRate).integrated_lufs == Approx(-16.0).margin(0.5));
}

TEST_CASE("a first chunk shorter than 400 ms gets a gain from its own loudness", "[audio]") {
  // -30 dBFS at 997 Hz is -33 LUFS, so about +17 dB brings it to -16.
  auto chunk = test::sine(997.0, std::pow(10.0, -30.0 / 20.0), 0.2, kRate);
  LoudnessNormalizer n({}, kRate);
  std::vector<float> out;
  n.process(chunk, out);
  n.finish(out);
  CHECK(n.last_gain_db() == Approx(17.0).margin(1.0));
  CHECK(measure_loudness(out, kRate).true_peak_dbtp <= -1.0);
}

TEST_CASE("libebur128 refusing the sample rate is an encode error", "[audio]") {
  try {
    LoudnessNormalizer n({}, 0);
    FAIL("no exception");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::encode);
  }
  CHECK_THROWS_AS(measure_loudness(std::vector<float>(100), 0), Error);
}

}  // namespace briefcast
