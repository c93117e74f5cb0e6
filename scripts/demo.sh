#!/usr/bin/env bash
# README command 1: install the dependencies, build, and build the example briefing
# (feeds/example.json: the articles in examples/articles/) into public/example/.
set -euo pipefail
cd "$(dirname "$0")/.."
# Only what building and running needs: the tests' packages (chromium, clang, ffmpeg, ...) are
# README command 2's, and so is configuring the tests.
bash scripts/install-deps.sh
bash scripts/build.sh -DBRIEFCAST_TESTS=OFF
# --force: running the demo twice on one day rebuilds the day's episode instead of stopping.
build/briefcast build feeds/example.json --force
feed=public/example/feed.xml
build/briefcast validate "$feed"
echo
echo "Done: the example briefing is in $(pwd)/public/example/"
echo "  feed:     $(pwd)/$feed"
echo "  episode:  $(ls -t public/example/episodes/*.mp3 | head -1)"
echo
echo "Serve it to podcast apps:   build/briefcast serve feeds/example.json"
echo "Subscribe in the app to:    http://127.0.0.1:8080/feed.xml"
echo "  (from another device: set base_url in feeds/example.json to this machine's address,"
echo "   e.g. http://192.168.1.20:8080/, rebuild, and serve with --bind 0.0.0.0 --token-file FILE)"
echo "One-off conversion recipes: examples/README.md"
