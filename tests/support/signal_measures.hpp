#pragma once
// Measures of decoded or generated mono audio that the audio tests compare with what went in:
// level (RMS), pitch (sign changes, rising zero crossings), subsonic energy and per-window gain.

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

// Energy below `hz` (a 4th-order Butterworth low-pass) relative to the total energy, dB.
double energy_below_db(const std::vector<float>& s, double hz, unsigned rate_hz);

// How a level stage treated speech, 10 ms window by window: `processed` against `raw` (same
// length and alignment). Voiced windows are those whose processed peak is above −30 dBFS; a
// window's gain is the ratio of their peaks, compared with `static_gain_db`.
struct WindowGains {
  std::size_t voiced = 0;
  double within_1db = 0;  // share of voiced windows within ±1 dB of the static gain
  double cut_3db = 0;     // share cut by more than 3 dB below it
  double boost_3db = 0;   // share raised more than 3 dB above it
};
WindowGains window_gains(const std::vector<float>& processed, const std::vector<float>& raw,
                         double static_gain_db, unsigned rate_hz);

}  // namespace briefcast::test
