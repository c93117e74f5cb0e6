#include "support/signal_measures.hpp"

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

}  // namespace briefcast::test
