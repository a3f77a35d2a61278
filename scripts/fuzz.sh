#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/
# and runs the one over charset decoding + extraction for SECONDS (default
# 60), seeded with the extractor's test pages, then the one over feed
# parsing and discovery for half as long, seeded with the feed test files.
# Exits non-zero on a crash, a sanitizer report, a leak or a timeout; the
# reproducer is left in build-fuzz/findings/.
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=$(nproc 2>/dev/null || echo 2)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DREVWATCH_FUZZ=ON -DREVWATCH_BUILD_TESTS=OFF -DREVWATCH_WERROR=ON >/dev/null
cmake --build build-fuzz -j"$jobs" --target extract_fuzzer feed_fuzzer -- --no-print-directory -s

# libFuzzer writes new inputs into the first corpus directory; keep the
# checked-in seeds read-only by copying them.
findings=build-fuzz/findings
mkdir -p "$findings"
fuzz() {  # NAME SECONDS SEED_FILES...
  local name=$1 time=$2
  shift 2
  local corpus=build-fuzz/corpus-$name
  mkdir -p "$corpus"
  cp "$@" "$corpus"/
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "build-fuzz/fuzz/${name}_fuzzer" "$corpus" \
      -max_total_time="$time" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$findings/" -print_final_stats=1
}

echo "== fuzzing extraction for ${seconds}s"
fuzz extract "$seconds" tests/testdata/extract/*.html
echo "== fuzzing feed parsing for $((seconds / 2))s"
fuzz feed $((seconds / 2 > 0 ? seconds / 2 : 1)) tests/testdata/feeds/*
