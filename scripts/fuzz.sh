#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang with ASan + UBSan) into build-fuzz/ and runs each for
# FUZZ_SECONDS (default 60) with -rss_limit_mb=512 -timeout=2, seeded from the tests' inputs and
# ../shared/corpus when present.
#
# Memory: the 512 MB limit is for the program, so what libFuzzer and ASan hold for themselves is
# kept small. By default libFuzzer mutates at the size of the largest seed (a 423 KB page) and
# ASan keeps 256 MB of freed blocks in quarantine; 45 s of the markup target peaked at 543 MB so,
# 280 MB with -max_len=65536 (larger seeds are read cut), 133 MB with a 32 MB quarantine too (a
# use soon after a free is still caught). Allocation stacks are kept 16 frames deep (30 by
# default). A real blow-up still shows: the RSS limit counts live memory, and -malloc_limit_mb
# reports any single allocation past 512 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
build=${FUZZ_BUILD_DIR:-build-fuzz}
CXX=clang++ cmake -S . -B "$build" -DBRIEFCAST_FUZZ=ON -DBRIEFCAST_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g" >/dev/null
targets=${FUZZ_TARGETS:-markup syndication validate dates_urls text_frontend spoken mp3_frames feed_config serve_request}
cmake --build "$build" -j "$(nproc)" --target $(for t in $targets; do echo "fuzz_$t"; done)

# Seeds: the tests' fixtures and examples (feeds, pages, articles, MP3s), and the scoring corpus.
seeds=("$build/seeds")
mkdir -p "$build/seeds" "$build/artifacts"
find tests examples feeds -type f \( -name '*.xml' -o -name '*.rss' -o -name '*.json' -o \
  -name '*.html' -o -name '*.md' -o -name '*.txt' -o -name '*.mp3' \) -size -256k \
  -exec cp -n {} "$build/seeds/" \; 2>/dev/null || true
[ -d ../shared/corpus ] && seeds+=(../shared/corpus)
# The spoken-form rules take one sentence: the written side of the normalization corpus and of
# the listener cases, one sentence a file (the first byte picks the voice's number style).
mkdir -p "$build/seeds-spoken"
{ cat ../shared/corpus/normalization/*.txt 2>/dev/null || true
  grep -v '^#' tests/scoring/listener-cases.txt | sed 's/^[^|]*|//'; } | cut -d'~' -f1 |
  python3 -c '
import sys
for n, line in enumerate(sys.stdin.buffer.read().split(b"\n")[:4000]):
    open(sys.argv[1] + "/%d" % n, "wb").write(bytes([n % 2]) + line)
' "$build/seeds-spoken"

status=0
for t in $targets; do
  corpus="$build/corpus/$t"
  mkdir -p "$corpus"
  log="$build/fuzz_$t.log"
  # A target with seeds of its own (fuzz/seeds/TARGET, or the sentences above) takes only those;
  # a dictionary fuzz/TARGET.dict gives libFuzzer the words of its input.
  target_seeds=("${seeds[@]}")
  [ -d "fuzz/seeds/$t" ] && target_seeds=("fuzz/seeds/$t")
  [ "$t" = spoken ] && target_seeds=("$build/seeds-spoken")
  extra=()
  [ -f "fuzz/$t.dict" ] && extra+=("-dict=fuzz/$t.dict")
  started=$SECONDS
  if ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=32:malloc_context_size=16 \
     UBSAN_OPTIONS=print_stacktrace=1 \
     "$build/fuzz/fuzz_$t" -rss_limit_mb=512 -malloc_limit_mb=512 -timeout=2 -max_len=65536 \
       -max_total_time="$seconds" \
       -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "${extra[@]}" "$corpus" \
       "${target_seeds[@]}" \
       >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log)"
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  # The time it really ran: a finding ends the run early.
  echo "fuzz: $t: ${runs:-?} executions in $((SECONDS - started)) s, peak RSS ${rss:-?} MB: $result"
done
exit $status
