#include "audio/chime.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "audio/loudness.hpp"
#include "support/signal_measures.hpp"

namespace briefcast {

TEST_CASE("story chime: a quarter second that starts and ends at rest, under the ceiling",
          "[audio]") {
  for (unsigned rate : {22050u, 44100u, 48000u}) {
    const std::vector<float> c = story_chime(rate);
    REQUIRE(c.size() == static_cast<std::size_t>(kChimeSeconds * rate));
    CHECK(c.front() == 0.0f);
    CHECK(c.back() == 0.0f);
    float peak = 0;
    for (float x : c) peak = std::max(peak, std::fabs(x));
    CHECK(peak <= 0.25f);
    CHECK(peak > 0.15f);
    // It rings and dies away: the last 50 ms are 30 dB or more below the first 50 ms.
    const std::size_t w = rate / 20;
    CHECK(20.0 * std::log10(test::rms(c, c.size() - w, c.size()) / test::rms(c, 0, w)) < -30.0);
    CHECK(measure_loudness(c, rate).true_peak_dbtp < -11.0);
  }
  // Its pitch: the 660 Hz partial leads (1320 sign changes a second), the 990 Hz one adds a few.
  const std::vector<float> c = story_chime(44100);
  const double crossings = test::crossings_per_second(c, 0, 4410, 44100);
  CHECK(crossings > 1250.0);
  CHECK(crossings < 2000.0);
}

}  // namespace briefcast
