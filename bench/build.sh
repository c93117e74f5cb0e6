#!/usr/bin/env bash
# Incremental daily builds: the first build of a briefing (every part spoken) against a rebuild of
# the same day after one more article arrived (only the new story and the intro, whose headlines
# changed, are spoken; the rest comes from the part cache). Same run, same machine.
# Usage: bash bench/build.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[ -x "$build/briefcast" ] || BUILD_DIR=$build bash scripts/build.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/articles"
ls examples/articles/*.txt | head -n 3 | xargs -I{} cp {} "$work/articles/"
sed -e "s|\"output\": \"../public/example\"|\"output\": \"$work/public\"|" \
    -e "s|\"../examples/articles\"|\"$work/articles\"|" \
    -e "s|\"../examples/cover.png\"|\"$(pwd)/examples/cover.png\"|" \
    -e 's|"max_minutes": 15|"max_minutes": 60|' feeds/example.json >"$work/feed.json"

timed() {  # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e" -o "$work/t" "$@" 2>"$work/log" >/dev/null
  printf '%-52s %7.2f s   %s\n' "$label" "$(cat "$work/t")" "$(grep -o 'parts: [^)]*' "$work/log")"
  cat "$work/t" >"$work/last"
}
echo "briefcast build bench — $(date -u +%F) — $(nproc) cores"
timed "first build, 3 stories (cold cache)" "$build/briefcast" build "$work/feed.json" --force
first=$(cat "$work/last")
ls examples/articles/*.txt | tail -n 1 | xargs -I{} cp {} "$work/articles/"
timed "rebuild with one more story (warm cache)" "$build/briefcast" build "$work/feed.json" --force
second=$(cat "$work/last")
printf 'incremental / first build time:                       %.2f\n' "$(echo "$second / $first" | bc -l)"
