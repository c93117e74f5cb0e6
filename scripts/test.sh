#!/usr/bin/env bash
# README command 2: install the dependencies, build, and run the whole test suite.
# In CI (CI=true) it also builds and runs the suite under AddressSanitizer + UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --tests
# CI reads no debug info, and generating it costs about a third of the compile time.
release=()
[ "${CI:-}" = "true" ] && release=(-DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG")
bash scripts/build.sh -DBRIEFCAST_TESTS=ON "${release[@]}"
(cd build && ctest --output-on-failure -j 2)
if [ "${CI:-}" = "true" ] || [ "${BRIEFCAST_SANITIZE:-}" = "1" ]; then
  # -O1 without debug info: the sanitizers need neither -O2 nor -g, and compiling is the slow part.
  BUILD_DIR=build-asan bash scripts/build.sh -DBRIEFCAST_TESTS=ON -DBRIEFCAST_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS=-O1
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
     ctest --output-on-failure -j 2)
fi
if [ "${CI:-}" = "true" ]; then
  # Each libFuzzer target for a bounded time (9 targets x 20 s: the runs take about 3.5 minutes,
  # the whole step with building the fuzz tree stays under 10).
  FUZZ_SECONDS=${FUZZ_SECONDS:-20} bash scripts/fuzz.sh
fi
echo "test: all tests passed"
