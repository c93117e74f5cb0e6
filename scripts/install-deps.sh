#!/usr/bin/env bash
# Installs the Debian 12 packages briefcast builds, runs and tests with. Idempotent: when every
# package is already installed it does nothing (no package-list refresh either).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libespeak-ng-dev espeak-ng-data
  libsndfile1-dev libmp3lame-dev libsoxr-dev libebur128-dev libtag1-dev
  nlohmann-json3-dev catch2 libcli11-dev
  libxml2-dev libutf8proc-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libicu-dev libcurl4-openssl-dev libssl-dev zlib1g-dev libmicrohttpd-dev libcpp-httplib-dev
  espeak-ng mpg123 curl time bc clang-format clang libfuzzer-14-dev libclang-rt-14-dev sox lame ffmpeg
  python3 python3-podcastparser python3-feedparser gpodder
  # Tests only: the web pages in a real browser (chromium is large, ~300 MB installed) and
  # html5lib's strict HTML5 parser.
  chromium chromium-driver python3-html5lib
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "install-deps: run as root to install: ${missing[*]}" >&2
    exit 1
  fi
else
  SUDO=
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
