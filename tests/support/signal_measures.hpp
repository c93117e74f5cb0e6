#pragma once
// Measures of decoded or generated mono audio that the audio tests compare with what went in:
// level (RMS) and pitch (sign changes, rising zero crossings).

#include <cstddef>
#include <vector>

namespace briefcast::test {

// Root mean square of samples [from, to), or of all of them.
double rms(const std::vector<float>& s, std::size_t from, std::size_t to);
double rms(const std::vector<float>& s);

// Sign changes between neighbouring samples: 2 per period of a tone.
std::size_t zero_crossings(const std::vector<float>& s);
// Sign changes per second in samples [from, to) at `rate_hz`.
double crossings_per_second(const std::vector<float>& s, std::size_t from, std::size_t to,
                            unsigned rate_hz);

// Frequency from rising zero crossings between the first and the last one in [from, to); the
// test fails unless there are more than two.
double frequency_hz(const std::vector<float>& s, std::size_t from, std::size_t to,
                    unsigned rate_hz);

}  // namespace briefcast::test
