#!/usr/bin/env bash
# Speed, memory and loudness of `briefcast say` and `briefcast build`, as ratios against the shell
# pipeline a user would write, measured in the same run at the same settings (44.1 kHz mono
# 64 kbps CBR, LAME -q 5):
#   espeak-ng -v en-us --stdout -f T | sox -t wav - -r 44100 -t wav - | lame --quiet -m m -b 64 -q 5 - out.mp3
# Inputs are article-shaped (many short paragraphs): the articleBody texts of
# ../shared/corpus/extraction/ground-truth.json, joined to about 15 min, 60 min and 8 h of speech,
# and a 20-story feed definition built from the same texts. Loudness is measured with ffmpeg's
# ebur128 filter on the published (decoded) files. For reference it also times the pipeline with
# LAME's low-pass set to the speech's band (--lowpass 11.025), as briefcast sets it.
# Usage: bash bench/run.sh [BUILD_DIR]   (builds first with scripts/build.sh when missing)
#        BENCH_SKIP_8H=1 leaves out the 8-hour memory run; BENCH_SKIP_SAY=1 runs only the build part.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
build=$(realpath "${1:-build}")
[ -x "$build/briefcast" ] || BUILD_DIR=$build bash scripts/build.sh
corpus=${BENCH_CORPUS:-$repo/../shared/corpus/extraction/ground-truth.json}
[ -f "$corpus" ] || corpus=/work/shared/corpus/extraction/ground-truth.json
for tool in espeak-ng sox lame ffmpeg; do
  command -v $tool >/dev/null || { echo "bench: $tool is missing (scripts/install-deps.sh)" >&2; exit 1; }
done
work=$(mktemp -d)
busy_pids=()
cleanup() { for p in "${busy_pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# Texts: one file per article (title line, blank line, paragraphs), and joined inputs by words.
python3 - "$corpus" "$work" <<'PY'
import json, os, sys
corpus, work = sys.argv[1], sys.argv[2]
docs = [d["articleBody"] for d in json.load(open(corpus)).values() if len(d.get("articleBody", "").split()) > 150]
os.makedirs(f"{work}/stories", exist_ok=True)
for i, body in enumerate(docs[:21]):
    paras = [p.strip() for p in body.split("\n") if p.strip()]
    title = " ".join(paras[0].split()[:10]).rstrip(".,;:") if paras else f"Story {i}"
    with open(f"{work}/stories/{i:02d}.txt", "w") as f:
        f.write(f"Story {i + 1}: {title}\n\n" + "\n\n".join(paras) + "\n")
def joined(words, path):
    out, n, k = [], 0, 0
    while n < words:
        paras = [p.strip() for p in docs[k % len(docs)].split("\n") if p.strip()]
        out.extend(paras); n += sum(len(p.split()) for p in paras); k += 1
    open(path, "w").write("\n\n".join(out) + "\n")
joined(2500, f"{work}/15min.txt")    # 165 words a minute
joined(9900, f"{work}/60min.txt")
joined(79200, f"{work}/8h.txt")
PY

measure() {  # label, command... (a command string run by bash)
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" bash -c "$1" >/dev/null 2>"$work/err" || {
    cat "$work/err" >&2; exit 1; }
  read -r secs kib <"$work/time"
  printf '%-58s %8.2f s %8d KiB\n' "$label" "$secs" "$kib" >&2
  echo "$secs $kib"
}
best_of() {  # n label command: the best wall time of n runs ("secs kib")
  local n=$1 label=$2 cmd=$3 best=""
  for _ in $(seq "$n"); do
    local r; r=$(measure "$label" "$cmd")
    if [ -z "$best" ] || (( $(echo "${r% *} < ${best% *}" | bc -l) )); then best=$r; fi
  done
  echo "$best"
}
loudness() {  # file -> "LUFS dBTP" (ffmpeg ebur128=peak=true on the decoded file)
  ffmpeg -hide_banner -nostats -i "$1" -filter_complex ebur128=peak=true -f null - 2>&1 |
    awk '/Integrated loudness:/ {s=1} s && /I:/ {i=$2} /True peak:/ {t=1} t && /Peak:/ {p=$2} END {print i, p}'
}
shell_pipeline() {  # text out.mp3
  echo "espeak-ng -v en-us --stdout -f \"$1\" | sox -t wav - -r 44100 -t wav - 2>/dev/null | lame --quiet -m m -b 64 -q 5 - \"$2\""
}
say="$build/briefcast say --quiet"

echo "briefcast bench — $(date -u +%F) — $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
rss8h=""
if [ -z "${BENCH_SKIP_SAY:-}" ]; then
echo "say (15-min article-shaped text, best of 3):" >&2
shell15=$(best_of 3 "shell pipeline, 15 min -> MP3" "$(shell_pipeline "$work/15min.txt" "$work/shell15.mp3")")
say15=$(best_of 3 "briefcast say, 15 min -> MP3" "$say '$work/15min.txt' -o '$work/say15.mp3'")
say15j1=$(measure "briefcast say --jobs 1, 15 min -> MP3" "$say --jobs 1 '$work/15min.txt' -o '$work/say15j1.mp3'")
# For reference: the same pipeline with LAME told the speech's band, as briefcast tells it.
shell15lp=$(best_of 2 "shell pipeline, lame --lowpass 11.025" "$(shell_pipeline "$work/15min.txt" "$work/shell15lp.mp3" | sed 's/ -q 5 / -q 5 --lowpass 11.025 /')")
echo >&2
echo "memory (peak RSS):" >&2
rss_wav=$(measure "say 15 min -> WAV" "$say '$work/15min.txt' -o '$work/m.wav'")
rss_noloud=$(measure "say 15 min -> MP3 --no-loudness" "$say --no-loudness '$work/15min.txt' -o '$work/m.mp3'")
rss60=$(measure "say 60 min -> MP3" "$say '$work/60min.txt' -o '$work/say60.mp3'")
rss8h=""
if [ -z "${BENCH_SKIP_8H:-}" ]; then
  rss8h=$(measure "say 8 h -> MP3" "$say '$work/8h.txt' -o '$work/say8h.mp3'")
fi
for _ in 1 2; do bash -c 'while :; do :; done' & busy_pids+=($!); done
rss15busy=$(measure "say 15 min -> MP3, both cores kept busy" "$say '$work/15min.txt' -o '$work/busy.mp3'")
rss60busy=$(measure "say 60 min -> MP3, both cores kept busy" "$say '$work/60min.txt' -o '$work/busy.mp3'")
for p in "${busy_pids[@]}"; do kill "$p"; done
busy_pids=()
fi

echo >&2
echo "build (20 stories from the extraction corpus):" >&2
mkdir -p "$work/articles"
cp "$work"/stories/{00..19}.txt "$work/articles/"
sed -e "s|\"output\": \"../public/example\"|\"output\": \"$work/public\"|" \
    -e "s|\"../examples/articles\"|\"$work/articles\"|" \
    -e "s|\"max_items\": 10|\"max_items\": 40|" \
    -e "s|\"../examples/cover.png\"|\"$repo/examples/cover.png\"|" \
    -e 's|"max_stories": 5, "max_minutes": 15|"max_stories": 40, "max_minutes": 240|' \
    feeds/example.json >"$work/feed.json"
shell20="for f in $work/stories/{00..19}.txt; do $(shell_pipeline '$f' "$work/s.mp3"); done"
[ -n "${BENCH_SKIP_SAY:-}" ] && shell15="1 1" && shell15lp="1 1" && say15="1 1" && say15j1="1 1" && rss_wav="1 1" && rss_noloud="1 1" && rss60="1 1" && rss15busy="1 1" && rss60busy="1 1"
shell_b=$(measure "20 shell pipelines one after another" "$shell20")
cold=$(measure "briefcast build, 20 stories, cold" "$build/briefcast build '$work/feed.json' --force --quiet")
cp "$work/stories/20.txt" "$work/articles/"
warm=$(measure "briefcast build, next day with one new story" "$build/briefcast build '$work/feed.json' --force --quiet")
episode=$(ls -t "$work"/public/episodes/*.mp3 | head -n 1)

r() { echo "$1 / $2" | bc -l; }
printf '\n%-62s %10s %8s\n' "measure" "value" "target"
printf '%-62s %9.2fx %8s\n' "say 15 min -> MP3, wall time vs the shell pipeline" "$(r "${say15% *}" "${shell15% *}")" "<= 0.6"
printf '%-62s %9.2fx %8s\n' "say --jobs 1, wall time vs the shell pipeline" "$(r "${say15j1% *}" "${shell15% *}")" ""
printf '%-62s %9.2fx %8s\n' "say vs the shell pipeline with lame --lowpass 11.025 (reference)" "$(r "${say15% *}" "${shell15lp% *}")" ""
printf '%-62s %7d MB %8s\n' "say peak RSS, 15 min (idle)" "$(( ${say15#* } / 1024 ))" "<= 64"
printf '%-62s %7d MB %8s\n' "say peak RSS, 60 min (idle)" "$(( ${rss60#* } / 1024 ))" "<= 64"
[ -n "$rss8h" ] && printf '%-62s %7d MB %8s\n' "say peak RSS, 8 h (idle)" "$(( ${rss8h#* } / 1024 ))" "<= 64"
printf '%-62s %7d MB %8s\n' "say peak RSS, 15 min (busy)" "$(( ${rss15busy#* } / 1024 ))" "<= 64"
printf '%-62s %7d MB %8s\n' "say peak RSS, 60 min (busy)" "$(( ${rss60busy#* } / 1024 ))" "<= 64"
printf '%-62s %7d MB %8s\n' "say peak RSS, 15 min -> WAV / --no-loudness" "$(( ${rss_wav#* } / 1024 ))" ""
printf '%-62s %7d MB %8s\n' "" "$(( ${rss_noloud#* } / 1024 ))" ""
printf '%-62s %7.2f MB %8s\n' "espeak-ng's own peak RSS in the shell pipeline (for scale)" "$(echo "$(/usr/bin/time -f %M espeak-ng -v en-us -f "$work/15min.txt" --stdout 2>&1 >/dev/null | tail -n 1) / 1024" | bc -l)" ""
printf '%-62s %9.2fx %8s\n' "build 20 stories cold vs 20 shell pipelines in a row" "$(r "${cold% *}" "${shell_b% *}")" "<= 0.55"
printf '%-62s %10.2f %8s\n' "build next day with one new story vs the cold build" "$(r "${warm% *}" "${cold% *}")" "<= 0.10"
printf '%-62s %7d MB %8s\n' "build peak RSS, 20 stories" "$(( ${cold#* } / 1024 ))" "<= 128"
for f in "$work/say15.mp3" "$work/say60.mp3" "$episode"; do
  [ -f "$f" ] || continue
  read -r i p < <(loudness "$f")
  printf '%-62s %10s %8s\n' "loudness of $(basename "$f") (ffmpeg ebur128, decoded)" "$i LUFS" "-16±0.5"
  printf '%-62s %10s %8s\n' "" "$p dBTP" "<= -1.0"
done
for rate in 22050 48000; do
  $say --sample-rate $rate "$work/15min.txt" -o "$work/r$rate.mp3"
  read -r i p < <(loudness "$work/r$rate.mp3")
  printf '%-62s %10s %8s\n' "loudness at --sample-rate $rate (decoded)" "$i LUFS" "-16±0.5"
  printf '%-62s %10s %8s\n' "" "$p dBTP" "<= -1.0"
done
# The level stage's shape on the example article the tests use: the same speech with and without
# normalization, 10 ms window by window, and the energy below 20 Hz (sox: down to 1 kHz, then a
# 20 Hz low-pass with a 5 Hz transition band) against the whole.
article="$repo/examples/articles/markets-and-earnings.txt"
$say "$article" -o "$work/on.wav"
$say --no-loudness "$article" -o "$work/off.wav"
read -r on_lufs _ < <(loudness "$work/on.wav")
read -r off_lufs _ < <(loudness "$work/off.wav")
read -r voiced within cut boost < <(python3 bench/level_shape.py "$work/on.wav" "$work/off.wav" \
  "$(echo "$on_lufs - $off_lufs" | bc -l)")
rms() { sox "$@" stat 2>&1 | awk '/RMS +amplitude/ {print $3}'; }
subsonic=$(echo "20 * l($(rms "$work/on.wav" -n rate 1k sinc -20 -t 5) / $(rms "$work/on.wav" -n)) / l(10)" | bc -l)
pct() { echo "$1 * 100" | bc -l; }
printf '%-62s %4.0f%% / %2.0f%% %8s\n' "voiced 10 ms windows ($voiced): static gain within 1 dB / cut > 3 dB" \
  "$(pct "$within")" "$(pct "$cut")" ">=70/<=10"
printf '%-62s %7.1f dB %8s\n' "energy below 20 Hz, relative to the whole" "$subsonic" "<= -40"
if cmp -s "$work/say15.mp3" "$work/say15j1.mp3"; then
  echo "say --jobs 1 and --jobs $(nproc): byte-identical MP3"
else
  echo "say --jobs 1 and --jobs $(nproc): the MP3s differ"
fi
