#!/usr/bin/env bash
# Installs the Debian 12 packages revwatch needs to build, test and benchmark
# (only those missing; quiet when everything is there), then builds into
# build/ (binary: build/revwatch).
#   scripts/setup.sh             install + build
#   scripts/setup.sh --no-build  install only
#   scripts/setup.sh --bench     also what bench/monitor_bench.py compares
#                                against (nginx, urlwatch)
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
bench=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --bench) bench=1 ;;
    *) echo "usage: scripts/setup.sh [--no-build] [--bench]" >&2; exit 2 ;;
  esac
done

packages=(
  # toolchain
  g++ cmake make pkg-config
  # libraries (headers)
  libcurl4-openssl-dev nettle-dev zlib1g-dev libgumbo-dev libdtl-dev
  libsqlite3-dev libzstd-dev libutf8proc-dev libuchardet-dev libexpected-dev
  libcli11-dev nlohmann-json3-dev libxml2-dev libcpp-httplib-dev libsystemd-dev libtomlplusplus-dev
  # tests, fuzzing and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev python3 sqlite3 ca-certificates
  clang libclang-rt-14-dev wdiff dwdiff time systemd python3-aiosmtpd openssl
  bash-completion zsh
)
if ((bench)); then packages+=(nginx-light urlwatch python3-feedparser); fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} > 0)); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  echo "setup: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi

((build)) || exit 0

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >build-configure.log 2>&1 ||
  { cat build-configure.log >&2; exit 1; }
rm -f build-configure.log
cmake --build build -j"$jobs" -- --no-print-directory -s
