#!/usr/bin/env python3
"""How loudness normalization treated speech, 10 ms window by window.

Usage: level_shape.py ON.wav OFF.wav STATIC_GAIN_DB
ON.wav is `briefcast say` output, OFF.wav the same text with --no-loudness (same length and
timeline, 16-bit mono). Voiced windows are those whose normalized peak is above -30 dBFS; a
window's gain is the ratio of the two peaks, compared with the static gain (the difference of the
two files' integrated loudness). Prints: voiced windows, the share within +-1 dB of the static
gain, the share cut by more than 3 dB, the share raised by more than 3 dB.
"""
import math
import sys
import warnings
import wave

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import audioop  # C speed for the per-window peak; part of Python 3.11 (Debian 12)


def frames(path):
    with wave.open(path) as w:
        if w.getnchannels() != 1 or w.getsampwidth() != 2:
            sys.exit(f"level_shape: '{path}': expected 16-bit mono WAV")
        return w.getframerate(), w.readframes(w.getnframes())


def main():
    rate, on = frames(sys.argv[1])
    _, off = frames(sys.argv[2])
    static_gain_db = float(sys.argv[3])
    width = rate // 100 * 2  # bytes in 10 ms
    voiced_floor = 32768 * 10 ** (-30 / 20)
    voiced = within = cut = boost = 0
    for at in range(0, min(len(on), len(off)) - width + 1, width):
        p = audioop.max(on[at:at + width], 2)
        r = audioop.max(off[at:at + width], 2)
        if p < voiced_floor or r == 0:
            continue
        voiced += 1
        d = 20 * math.log10(p / r) - static_gain_db
        within += abs(d) <= 1.0
        cut += d < -3.0
        boost += d > 3.0
    n = max(voiced, 1)
    print(voiced, f"{within / n:.3f}", f"{cut / n:.3f}", f"{boost / n:.3f}")


if __name__ == "__main__":
    main()
