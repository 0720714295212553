#!/usr/bin/env bash
# Fuzzes the school loader (school.toml, every CSV table, or all files at once; see
# Fuzz/Sources/zouban-fuzz/Fuzz.swift) with libFuzzer and AddressSanitizer.
# Limitation of Swift 6.3 on Linux: its coverage instrumentation is the trace-pc-guard kind that
# the bundled libFuzzer no longer accepts, so coverage comes from the C and C++ code only (toml++,
# built with -fsanitize=fuzzer-no-link); the Swift readers still run under AddressSanitizer.
#   scripts/fuzz.sh [SECONDS]      default 600
# New inputs that add coverage go to Fuzz/corpus; a crash is written to Fuzz/crashes/. The test
# suite replays both (Tests/ZoubanInputTests/FuzzCorpusTests.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
seconds="${1:-600}"
(cd Fuzz && swift build -Xswiftc -sanitize=fuzzer -Xswiftc -sanitize=address \
  -Xcxx -fsanitize=fuzzer-no-link -Xcc -fsanitize=fuzzer-no-link >&2)
mkdir -p Fuzz/corpus Fuzz/crashes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Seeds: each file of every sample and invalid school, behind the byte that selects its slot.
files=(school.toml courses.csv rooms.csv teachers.csv students.csv fixed.csv)
for dir in Catalogs/tiny Catalogs/invalid/*/; do
  for i in "${!files[@]}"; do
    f="$dir/${files[$i]}"
    [ -f "$f" ] && { printf "\\x$(printf %02x "$i")"; cat "$f"; } > "$work/seed-$(basename "$dir")-$i"
  done
done
# Leak detection is off (also at exit, through ASAN_OPTIONS): the harness keeps the tiny school in
# a global that LeakSanitizer reports, and an exit-time report would be saved as a bogus crash.
# Memory errors are still caught by AddressSanitizer.
export ASAN_OPTIONS=detect_leaks=0
# libFuzzer stops at a crash (saved in Fuzz/crashes/); start it again until the time is up.
# (Its -fork mode is not used: here it reported every job as crashing.)
# Fuzz/corpus comes first: libFuzzer writes new inputs into the first directory it is given.
status=0
end=$((SECONDS + seconds))
while ((SECONDS < end)); do
  Fuzz/.build/debug/zouban-fuzz Fuzz/corpus "$work" -detect_leaks=0 -max_total_time=$((end - SECONDS)) -timeout=10 \
    -rss_limit_mb=4096 -max_len=65536 -artifact_prefix=Fuzz/crashes/ -print_final_stats=1 || status=$?
done
echo "fuzz: corpus $(ls Fuzz/corpus | wc -l) inputs, crashes kept: $(ls Fuzz/crashes | wc -l), libFuzzer exit $status" >&2
