#!/usr/bin/env bash
# Builds the libFuzzer target over charset decoding + extraction with clang
# (ASan + UBSan) into build-fuzz/ and runs it for SECONDS (default 60),
# seeded with the extractor's test pages. Exits non-zero on a crash, a
# sanitizer report, a leak or a timeout; the reproducer is left in
# build-fuzz/findings/.
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=$(nproc 2>/dev/null || echo 2)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DREVWATCH_FUZZ=ON -DREVWATCH_BUILD_TESTS=OFF -DREVWATCH_WERROR=ON >/dev/null
cmake --build build-fuzz -j"$jobs" --target extract_fuzzer -- --no-print-directory -s

# libFuzzer writes new inputs into the first corpus directory; keep the
# checked-in seeds read-only by copying them.
corpus=build-fuzz/corpus
findings=build-fuzz/findings
mkdir -p "$corpus" "$findings"
cp tests/testdata/extract/*.html "$corpus"/

echo "== fuzzing extraction for ${seconds}s"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  build-fuzz/fuzz/extract_fuzzer "$corpus" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$findings/" -print_final_stats=1
