#include "support/signal_measures.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

namespace briefcast::test {

double rms(const std::vector<float>& s, std::size_t from, std::size_t to) {
  double sum = 0;
  for (std::size_t i = from; i < to; ++i) sum += double(s[i]) * s[i];
  return std::sqrt(sum / double(to - from));
}

double rms(const std::vector<float>& s) { return rms(s, 0, s.size()); }

std::size_t zero_crossings(const std::vector<float>& s) {
  std::size_t n = 0;
  for (std::size_t i = 1; i < s.size(); ++i) n += (s[i - 1] < 0) != (s[i] < 0);
  return n;
}

double crossings_per_second(const std::vector<float>& s, std::size_t from, std::size_t to,
                            unsigned rate_hz) {
  std::size_t n = 0;
  for (std::size_t i = from + 1; i < to; ++i) n += (s[i - 1] < 0) != (s[i] < 0);
  return double(n) * rate_hz / double(to - from);
}

double frequency_hz(const std::vector<float>& s, std::size_t from, std::size_t to,
                    unsigned rate_hz) {
  std::size_t first = 0, last = 0, count = 0;
  for (std::size_t i = from + 1; i < to; ++i) {
    if (s[i - 1] < 0 && s[i] >= 0) {
      if (count == 0) first = i;
      last = i;
      ++count;
    }
  }
  REQUIRE(count > 2);
  return double(count - 1) * rate_hz / double(last - first);
}

double energy_below_db(const std::vector<float>& s, double hz, unsigned rate_hz) {
  // Two Butterworth sections (Q 0.5412 and 1.3066), RBJ cookbook low-pass.
  double total = 0;
  double low = 0;
  double z[2][2] = {{0, 0}, {0, 0}};
  const double q[2] = {0.5412, 1.3066};
  const double w = 2.0 * 3.141592653589793 * hz / rate_hz;
  for (float x : s) {
    double v = x;
    total += v * v;
    for (int k = 0; k < 2; ++k) {
      const double alpha = std::sin(w) / (2.0 * q[k]);
      const double c = std::cos(w);
      const double a0 = 1.0 + alpha;
      const double b0 = (1.0 - c) / 2.0 / a0, b1 = (1.0 - c) / a0, b2 = b0;
      const double a1 = -2.0 * c / a0, a2 = (1.0 - alpha) / a0;
      const double y = b0 * v + z[k][0];
      z[k][0] = b1 * v - a1 * y + z[k][1];
      z[k][1] = b2 * v - a2 * y;
      v = y;
    }
    low += v * v;
  }
  return 10.0 * std::log10(std::max(low, 1e-30) / std::max(total, 1e-30));
}

WindowGains window_gains(const std::vector<float>& processed, const std::vector<float>& raw,
                         double static_gain_db, unsigned rate_hz) {
  WindowGains g;
  const std::size_t w = rate_hz / 100;
  std::size_t within = 0, cut = 0, boost = 0;
  for (std::size_t at = 0; at + w <= std::min(processed.size(), raw.size()); at += w) {
    float p = 0, r = 0;
    for (std::size_t i = at; i < at + w; ++i) {
      p = std::max(p, std::fabs(processed[i]));
      r = std::max(r, std::fabs(raw[i]));
    }
    if (p < std::pow(10.0f, -30.0f / 20.0f) || r <= 0) continue;
    ++g.voiced;
    const double d = 20.0 * std::log10(double(p) / double(r)) - static_gain_db;
    if (std::fabs(d) <= 1.0) ++within;
    if (d < -3.0) ++cut;
    if (d > 3.0) ++boost;
  }
  if (g.voiced) {
    g.within_1db = double(within) / double(g.voiced);
    g.cut_3db = double(cut) / double(g.voiced);
    g.boost_3db = double(boost) / double(g.voiced);
  }
  return g;
}

}  // namespace briefcast::test
