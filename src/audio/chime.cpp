#include "audio/chime.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>

namespace briefcast {

std::vector<float> story_chime(unsigned rate_hz) {
  const auto n = static_cast<std::size_t>(kChimeSeconds * rate_hz);
  std::vector<float> out(n);
  const double attack = 0.005 * rate_hz;
  const double decay = double(n) / std::log(1000.0);  // −60 dB at the end
  constexpr double kPeak = 0.25;                      // −12 dBFS
  for (std::size_t i = 0; i < n; ++i) {
    const double t = double(i) / rate_hz;
    const double rise = std::min(1.0, double(i) / attack);
    const double envelope = rise * rise * (3.0 - 2.0 * rise) * std::exp(-double(i) / decay);
    const double fall = double(n - 1 - i) / double(n - 1);  // to exact zero at the last sample
    const double tone = 0.6 * std::sin(2.0 * std::numbers::pi * 660.0 * t) +
                        0.4 * std::sin(2.0 * std::numbers::pi * 990.0 * t);
    out[i] = static_cast<float>(kPeak * envelope * std::min(1.0, 20.0 * fall) * tone);
  }
  return out;
}

}  // namespace briefcast
