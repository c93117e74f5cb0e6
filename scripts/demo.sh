#!/usr/bin/env bash
# README command 1: install the dependencies, build, and convert an example article to MP3.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
mkdir -p out
article=examples/articles/markets-and-earnings.txt
build/briefcast say "$article" -o out/markets-and-earnings.mp3 --verbose
echo
echo "Done: $(pwd)/out/markets-and-earnings.mp3"
echo "Play it with:  mpg123 out/markets-and-earnings.mp3"
echo "More recipes:  examples/README.md"
