#!/usr/bin/env bash
# Fuzzes the school loader (school.toml, every CSV table, or all files at once; see
# Fuzz/Sources/zouban-fuzz/Fuzz.swift) with libFuzzer and AddressSanitizer.
#   scripts/fuzz.sh [SECONDS]      default 600
# New inputs go to Fuzz/corpus (merged, so it only keeps inputs that add coverage); a crash is
# written to Fuzz/crashes/, which the test suite replays (Tests/ZoubanInputTests/FuzzCorpusTests.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
seconds="${1:-600}"
(cd Fuzz && swift build -Xswiftc -sanitize=fuzzer -Xswiftc -sanitize=address >&2)
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
# Leak detection is off: the harness keeps the tiny school in a global that LeakSanitizer
# reports as a leak; memory errors are still caught by AddressSanitizer.
# Fork mode records each crash in Fuzz/crashes/ and goes on fuzzing until the time is up.
status=0
Fuzz/.build/debug/zouban-fuzz "$work" Fuzz/corpus -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -detect_leaks=0 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -artifact_prefix=Fuzz/crashes/ -print_final_stats=1 || status=$?
mkdir -p "$work/merged"
Fuzz/.build/debug/zouban-fuzz -merge=1 -detect_leaks=0 "$work/merged" Fuzz/corpus >&2
rm -rf Fuzz/corpus && mv "$work/merged" Fuzz/corpus
echo "fuzz: corpus $(ls Fuzz/corpus | wc -l) inputs, crashes kept: $(ls Fuzz/crashes | wc -l), libFuzzer exit $status" >&2
