#!/usr/bin/env bash
# Fuzzes Zouban's readers with libFuzzer and AddressSanitizer, one target after another (see
# FuzzTarget in Fuzz/Sources/zouban-fuzz/Fuzz.swift):
#   loader  the whole loader: any file of a school, or all at once      corpus Fuzz/corpus
#   toml    the TOML/settings reader (school.toml)                      corpus Fuzz/corpus-toml
#   csv     the CSV reader (students.csv, the richest table)            corpus Fuzz/corpus-csv
#   xlsx    the .xlsx reader (students.xlsx)                            corpus Fuzz/corpus-xlsx
#   scripts/fuzz.sh [SECONDS [TARGET...]]   default: 600 seconds for each of the four
# Limitation of Swift 6.3 on Linux: its coverage instrumentation is the trace-pc-guard kind that
# the bundled libFuzzer no longer accepts, so coverage comes from the C and C++ code only (toml++,
# zlib's callers, built with -fsanitize=fuzzer-no-link); the Swift readers still run under
# AddressSanitizer, and libFuzzer's mutations still reach them.
# New inputs that add coverage go to the target's corpus; a crash is written to
# Fuzz/crashes/TARGET-…. The test suite replays all of them (Tests/ZoubanInputTests/FuzzCorpusTests.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
seconds="${1:-600}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(loader toml csv xlsx)
(cd Fuzz && swift build -Xswiftc -sanitize=fuzzer -Xswiftc -sanitize=address \
  -Xcxx -fsanitize=fuzzer-no-link -Xcc -fsanitize=fuzzer-no-link >&2)
mkdir -p Fuzz/crashes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=(school.toml courses.csv rooms.csv teachers.csv students.csv fixed.csv)

# Seeds: the sample and invalid schools' own files (and the .xlsx test fixtures).
seed() {
  local target=$1 dir=$work/$1
  mkdir -p "$dir"
  case $target in
  loader)
    for school in Catalogs/tiny Catalogs/invalid/*/; do
      for i in "${!files[@]}"; do
        f="$school/${files[$i]}"
        [ -f "$f" ] && { printf "\\x$(printf %02x "$i")"; cat "$f"; } > "$dir/seed-$(basename "$school")-$i"
      done
    done ;;
  toml) for f in Catalogs/*/school.toml Catalogs/invalid/*/school.toml; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
  csv) for f in Catalogs/*/students.csv Catalogs/invalid/*/students.csv; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
  xlsx) cp Tests/ZoubanInputTests/Fixtures/xlsx/*.xlsx "$dir/" ;;
  esac
}

# Leak detection is off (also at exit, through ASAN_OPTIONS): the harness keeps the tiny school in
# a global that LeakSanitizer reports, and an exit-time report would be saved as a bogus crash.
# Memory errors are still caught by AddressSanitizer.
export ASAN_OPTIONS=detect_leaks=0
status=0
for target in "${targets[@]}"; do
  corpus=Fuzz/corpus
  [ "$target" = loader ] || corpus=Fuzz/corpus-$target
  mkdir -p "$corpus"
  seed "$target"
  # libFuzzer stops at a crash (saved in Fuzz/crashes/); start it again until the time is up.
  # (Its -fork mode is not used: here it reported every job as crashing.) The corpus comes
  # first: libFuzzer writes new inputs into the first directory it is given.
  end=$((SECONDS + seconds))
  while ((SECONDS < end)); do
    ZOUBAN_FUZZ_TARGET=$target Fuzz/.build/debug/zouban-fuzz "$corpus" "$work/$target" -detect_leaks=0 \
      -max_total_time=$((end - SECONDS)) -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
      -artifact_prefix="Fuzz/crashes/$target-" -print_final_stats=1 2>&1 | tee -a "$work/$target.log" >&2 || status=$?
  done
  runs=$({ grep -h "stat::number_of_executed_units" "$work/$target.log" || true; } | awk '{s+=$2} END {print s+0}')
  echo "fuzz: $target: ${seconds} s, $runs executions, corpus $(ls "$corpus" | wc -l) inputs" >&2
done
echo "fuzz: crashes kept: $(ls Fuzz/crashes | wc -l), libFuzzer exit $status" >&2
