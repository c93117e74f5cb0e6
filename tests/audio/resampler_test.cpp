#include "audio/resampler.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <random>
#include <span>
#include <vector>

#include "base/error.hpp"
#include "support/signal_measures.hpp"
#include "support/test_support.hpp"

namespace briefcast {
namespace {

using test::frequency_hz;
using test::rms;

std::vector<float> resample_all(Resampler& r, std::span<const float> in) {
  std::vector<float> out = r.process(in);
  std::vector<float> tail = r.flush();
  out.insert(out.end(), tail.begin(), tail.end());
  return out;
}

}  // namespace

TEST_CASE("upsampling 22050 -> 44100 keeps length, pitch, level and timing", "[audio]") {
  const auto in = test::sine(1000.0, 0.5, 2.0, 22050);
  Resampler r(22050, 44100);
  const auto out = resample_all(r, in);

  const double expected = 2.0 * double(in.size());
  CHECK(std::abs(double(out.size()) - expected) <= 0.001 * expected);

  // Away from the edges, where the filter rings in and out.
  const std::size_t begin = 4410, end = out.size() - 4410;
  CHECK(frequency_hz(out, begin, end, 44100) == Approx(1000.0).epsilon(0.001));
  CHECK(rms(out, begin, end) == Approx(0.5 / std::sqrt(2.0)).epsilon(0.005));

  // No delay: every other output sample lands on an input sample.
  double worst = 0;
  for (std::size_t i = begin / 2; i < end / 2; ++i)
    worst = std::max(worst, double(std::fabs(out[2 * i] - in[i])));
  CHECK(worst < 1e-3);
}

TEST_CASE("chunked resampling gives the same audio as one call", "[audio]") {
  const auto in = test::sine(440.0, 0.8, 3.0, 22050);
  Resampler whole(22050, 44100);
  const auto expected = resample_all(whole, in);

  Resampler chunked(22050, 44100);
  std::vector<float> out;
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> size(0, 5000);
  for (std::size_t pos = 0; pos < in.size();) {
    const std::size_t n = std::min(size(rng), in.size() - pos);
    const auto part = chunked.process(std::span(in).subspan(pos, n));
    out.insert(out.end(), part.begin(), part.end());
    pos += n;
  }
  const auto tail = chunked.flush();
  out.insert(out.end(), tail.begin(), tail.end());

  REQUIRE(out.size() == expected.size());
  double worst = 0;
  for (std::size_t i = 0; i < out.size(); ++i)
    worst = std::max(worst, double(std::fabs(out[i] - expected[i])));
  CHECK(worst < 1e-5);
}

TEST_CASE("equal rates pass samples through unchanged", "[audio]") {
  const auto in = test::sine(1000.0, 0.9, 0.5, 44100);
  Resampler r(44100, 44100);
  const auto out = r.process(in);
  REQUIRE(out.size() == in.size());
  CHECK(std::memcmp(out.data(), in.data(), in.size() * sizeof(float)) == 0);
  CHECK(r.process({}).empty());
  CHECK(r.flush().empty());
}

TEST_CASE("downsampling removes tones above the new Nyquist frequency", "[audio]") {
  // 15 kHz cannot exist at 22050 Hz; without filtering it would alias to 7050 Hz.
  const auto in = test::sine(15000.0, 0.9, 1.0, 44100);
  Resampler r(44100, 22050);
  const auto out = resample_all(r, in);
  CHECK(std::abs(double(out.size()) - 22050.0) <= 22.05);
  CHECK(rms(out, 2205, out.size() - 2205) < 1e-4);  // below -80 dB

  // A tone inside the passband survives the same conversion.
  const auto kept_in = test::sine(5000.0, 0.9, 1.0, 44100);
  Resampler r2(44100, 22050);
  const auto kept = resample_all(r2, kept_in);
  CHECK(rms(kept, 2205, kept.size() - 2205) == Approx(0.9 / std::sqrt(2.0)).epsilon(0.01));
}

TEST_CASE("invalid sample rates are an encode error", "[audio]") {
  try {
    Resampler r(0, 44100);
    FAIL("no exception");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::encode);
    CHECK(std::string(e.what()).find("sample rate") != std::string::npos);
  }
}

}  // namespace briefcast
