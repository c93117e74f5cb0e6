#!/usr/bin/env bash
# Speed and memory of `briefcast say`, as ratios against baselines measured in the same run:
#   - peak RSS for a 60-minute input against a 15-minute input (flat memory: ratio ≈ 1);
#   - wall time against the eSpeak NG command line synthesizing the same text to WAV
#     (`espeak-ng -w`, synthesis only: what briefcast adds for resampling, loudness and LAME);
#   - LAME quality settings (--bitrate 64 at the default quality vs the fastest).
# Usage: bash bench/run.sh [BUILD_DIR]   (builds first with scripts/build.sh when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[ -x "$build/briefcast" ] || BUILD_DIR=$build bash scripts/build.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Inputs of about 15 and 60 minutes at 165 wpm, made from the example articles.
make_input() {  # words file
  local target=$1 out=$2
  : >"$out"
  while [ "$(wc -w <"$out")" -lt "$target" ]; do
    for f in examples/articles/*.txt; do cat "$f"; echo; done >>"$out"
  done
}
make_input 2500 "$work/15min.txt"
make_input 9900 "$work/60min.txt"

measure() {  # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
  read -r secs kib <"$work/time"
  printf '%-44s %8.2f s %8d KiB\n' "$label" "$secs" "$kib"
  echo "$secs $kib" >"$work/last"
}

echo "briefcast bench — $(date -u +%F) — $(nproc) cores"
measure "espeak-ng CLI, 60 min text -> WAV (baseline)" \
  espeak-ng -v en-us+m3 -s 165 -f "$work/60min.txt" -w "$work/base.wav"
read -r base_s base_kib <"$work/last"
measure "briefcast say, 15 min text -> MP3" \
  "$build/briefcast" say "$work/15min.txt" -o "$work/15.mp3" --quiet
read -r s15 kib15 <"$work/last"
measure "briefcast say, 60 min text -> MP3" \
  "$build/briefcast" say "$work/60min.txt" -o "$work/60.mp3" --quiet
read -r s60 kib60 <"$work/last"
audio=$("$build/briefcast" say "$work/60min.txt" -o "$work/60.wav" --quiet --no-loudness >/dev/null 2>&1; \
        python3 -c "import wave,sys; w=wave.open(sys.argv[1]); print(w.getnframes()/w.getframerate())" "$work/60.wav")

echo
printf 'audio produced (60 min text):         %.1f min\n' "$(echo "$audio / 60" | bc -l)"
printf 'briefcast speed:                      %.0fx real-time\n' "$(echo "$audio / $s60" | bc -l)"
printf 'time vs espeak-ng CLI (same text):    %.2fx\n' "$(echo "$s60 / $base_s" | bc -l)"
printf 'peak RSS 60 min / 15 min input:       %.2f (%d / %d KiB)\n' \
  "$(echo "$kib60 / $kib15" | bc -l)" "$kib60" "$kib15"
