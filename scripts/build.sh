#!/usr/bin/env bash
# Configures and builds briefcast into BUILD_DIR (default build/). Extra arguments go to cmake.
# In CI (CI=true) warnings are errors.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBRIEFCAST_WERROR=$werror "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
