#!/usr/bin/env bash
# README command 2: install the dependencies, build, and run the whole test suite.
# In CI (CI=true) it also builds and runs the suite under AddressSanitizer + UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
(cd build && ctest --output-on-failure -j 2)
if [ "${CI:-}" = "true" ] || [ "${BRIEFCAST_SANITIZE:-}" = "1" ]; then
  BUILD_DIR=build-asan bash scripts/build.sh -DBRIEFCAST_SANITIZE=ON
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
     ctest --output-on-failure -j 2)
fi
echo "test: all tests passed"
