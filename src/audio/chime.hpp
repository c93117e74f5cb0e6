#pragma once
// A short two-note chime that marks the change of story in an episode (a voice profile's
// "story_tone"): two bell-like partials a fifth apart (660 and 990 Hz), 5 ms attack, decaying
// by 60 dB over its 250 ms and ending at exact zero, peaking at −12 dBFS — under speech, so the
// loudness stage levels it with the voice and the limiter leaves it alone.

#include <vector>

namespace briefcast {

inline constexpr double kChimeSeconds = 0.25;

// The chime at `rate_hz`, mono float.
std::vector<float> story_chime(unsigned rate_hz);

}  // namespace briefcast
