#!/usr/bin/env bash
# Sets up everything and runs every test: unit and integration tests on a
# -Werror build, all of them again under AddressSanitizer and
# UndefinedBehaviorSanitizer, then libFuzzer runs over charset decoding and
# extraction (60 s) and over feed parsing (30 s).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --no-build
jobs=$(nproc 2>/dev/null || echo 2)

echo "== build (warnings are errors)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREVWATCH_WERROR=ON >/dev/null
cmake --build build -j"$jobs" -- --no-print-directory -s
echo "== tests"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== build with ASan + UBSan"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DREVWATCH_SANITIZE=ON \
  -DREVWATCH_WERROR=ON >/dev/null
cmake --build build-asan -j"$jobs" -- --no-print-directory -s
echo "== tests under ASan + UBSan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

scripts/fuzz.sh 60
