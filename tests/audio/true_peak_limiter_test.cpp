#include "audio/true_peak_limiter.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <numbers>
#include <span>
#include <vector>

#include "audio/loudness.hpp"
#include "support/test_support.hpp"

namespace briefcast {
namespace {

constexpr unsigned kRate = 44100;

std::vector<float> limit(TruePeakLimiter& l, const std::vector<float>& in, std::size_t block) {
  std::vector<float> out;
  for (std::size_t at = 0; at < in.size(); at += block) {
    const std::size_t n = std::min(block, in.size() - at);
    l.process(std::span<const float>(in).subspan(at, n), out);
  }
  l.finish(out);
  return out;
}

}  // namespace

TEST_CASE("limiter: audio below the ceiling leaves bit-identical, only delayed", "[audio]") {
  const auto in = test::sine(440.0, 0.3, 2.0, kRate);
  TruePeakLimiter l(std::pow(10.0, -3.0 / 20.0), kRate);
  const auto out = limit(l, in, 1000);
  REQUIRE(out.size() == in.size());
  CHECK(std::memcmp(out.data(), in.data(), in.size() * sizeof(float)) == 0);
  CHECK(l.limited_samples() == 0);
  CHECK(l.max_reduction_db() == 0.0);
}

TEST_CASE("limiter: the decoded true peak stays under the ceiling, inter-sample peaks too",
          "[audio]") {
  // A quarter-rate sine at 45° phase: every sample is 0.707 of the peak between them (+3 dB).
  std::vector<float> in(kRate);
  for (std::size_t i = 0; i < in.size(); ++i)
    in[i] = static_cast<float>(0.9 * std::sin(std::numbers::pi * (0.5 * double(i) + 0.25)));
  // Bursts of it between a quiet tone.
  auto tone = test::sine(300.0, 0.05, 3.0, kRate);
  for (std::size_t i = 0; i < in.size(); ++i)
    if ((i / 2205) % 4 == 0) tone[kRate + i] = in[i];
  REQUIRE(measure_loudness(tone, kRate).true_peak_dbtp > -1.5);
  const double ceiling_db = -3.0;
  TruePeakLimiter l(std::pow(10.0, ceiling_db / 20.0), kRate);
  const auto out = limit(l, tone, 4096);
  REQUIRE(out.size() == tone.size());
  const double peak = measure_loudness(out, kRate).true_peak_dbtp;
  INFO("true peak " << peak << " dBTP");
  CHECK(peak <= ceiling_db + 0.05);
  CHECK(20.0 * std::log10(l.peak()) == Approx(peak).margin(0.3));
  CHECK(l.max_reduction_db() > 1.0);
  // Only the five bursts and the release after each (the gain recovers to within 0.1 dB in
  // under 23 ms) are touched: the quiet tone between keeps its samples.
  CHECK(l.limited_samples() > 5 * 2205);
  CHECK(l.limited_samples() < 5 * 2205 + 5 * 1000);
  CHECK(out[kRate / 2] == tone[kRate / 2]);
}

TEST_CASE("limiter: the block size does not change the output", "[audio]") {
  auto in = test::sine(997.0, 1.2, 1.0, kRate);
  TruePeakLimiter a(0.5, kRate);
  TruePeakLimiter b(0.5, kRate);
  const auto one = limit(a, in, 1);
  const auto many = limit(b, in, 3000);
  REQUIRE(one.size() == in.size());
  CHECK(std::memcmp(one.data(), many.data(), one.size() * sizeof(float)) == 0);
}

}  // namespace briefcast
