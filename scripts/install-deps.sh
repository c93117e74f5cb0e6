#!/usr/bin/env bash
# Installs the Debian 12 packages briefcast needs. Idempotent: when every package is already
# installed it does nothing (no package-list refresh either).
#
#   scripts/install-deps.sh           what building and running briefcast needs (README command 1)
#   scripts/install-deps.sh --tests   that plus what the tests, the fuzz run and bench/ use
#                                     (README command 2, CI)
set -euo pipefail

usage() { echo "usage: scripts/install-deps.sh [--tests]" >&2; exit 2; }
tests=0
for arg in "$@"; do
  case "$arg" in
    --tests) tests=1 ;;
    -h|--help) echo "usage: scripts/install-deps.sh [--tests]"; exit 0 ;;
    *) usage ;;
  esac
done

# Building and running: the compiler and CMake, the C libraries briefcast links, and the CA
# certificates its HTTPS fetches check servers against.
packages=(
  build-essential cmake pkg-config ca-certificates
  libespeak-ng-dev espeak-ng-data
  libsndfile1-dev libmp3lame-dev libsoxr-dev libebur128-dev libtag1-dev
  nlohmann-json3-dev libcli11-dev
  libxml2-dev libutf8proc-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libicu-dev libcurl4-openssl-dev
  libssl-dev zlib1g-dev libmicrohttpd-dev
)
# Tests only (sizes installed on top of the packages above, measured with apt-get -s; see README):
test_packages=(
  # the test framework and the tests' stand-in web servers
  catch2 libcpp-httplib-dev python3
  # the command-line tools the tests and bench/ compare against or decode with
  espeak-ng mpg123 sox lame ffmpeg curl time bc
  # the format check and the libFuzzer targets
  clang-format clang libfuzzer-14-dev libclang-rt-14-dev
  # real podcast clients' feed parsers, and html5lib's strict HTML5 parser for the web pages
  python3-podcastparser python3-feedparser gpodder python3-html5lib
  # the web pages in a real browser (the largest by far)
  chromium chromium-driver
)
[ "$tests" = 1 ] && packages+=("${test_packages[@]}")

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
