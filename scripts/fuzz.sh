#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang with ASan + UBSan) into build-fuzz/ and runs each for
# FUZZ_SECONDS (default 60) with -rss_limit_mb=512 -timeout=2, seeded from the tests' inputs and
# ../shared/corpus when present. Prints executions per target; fails on the first crash, leak,
# timeout or memory blow-up (the input is kept in build-fuzz/artifacts/ — make it a regression
# test). FUZZ_TARGETS limits the run to some targets ("markup syndication").
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
build=${FUZZ_BUILD_DIR:-build-fuzz}
CXX=clang++ cmake -S . -B "$build" -DBRIEFCAST_FUZZ=ON -DBRIEFCAST_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g" >/dev/null
targets=${FUZZ_TARGETS:-markup syndication validate dates_urls text_frontend mp3_frames feed_config}
cmake --build "$build" -j "$(nproc)" --target $(for t in $targets; do echo "fuzz_$t"; done)

# Seeds: the tests' fixtures and examples (feeds, pages, articles, MP3s), and the scoring corpus.
seeds=("$build/seeds")
mkdir -p "$build/seeds" "$build/artifacts"
find tests examples feeds -type f \( -name '*.xml' -o -name '*.rss' -o -name '*.json' -o \
  -name '*.html' -o -name '*.md' -o -name '*.txt' -o -name '*.mp3' \) -size -256k \
  -exec cp -n {} "$build/seeds/" \; 2>/dev/null || true
[ -d ../shared/corpus ] && seeds+=(../shared/corpus)

status=0
for t in $targets; do
  corpus="$build/corpus/$t"
  mkdir -p "$corpus"
  log="$build/fuzz_$t.log"
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
     "$build/fuzz/fuzz_$t" -rss_limit_mb=512 -timeout=2 -max_total_time="$seconds" \
       -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "$corpus" "${seeds[@]}" \
       >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log)"
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  echo "fuzz: $t: ${runs:-?} executions in ${seconds} s, peak RSS ${rss:-?} MB: $result"
done
exit $status
