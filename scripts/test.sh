#!/usr/bin/env bash
# Runs the whole test suite: installs GLPK if needed, builds, runs `swift test`, and closes with
# one plain "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
ZOUBAN_SETUP_TESTS=1 source scripts/setup.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
swift test 2>&1 | tee "$log" || status=$?
# A green run has no "failed" line: grep finding nothing is not an error here.
passed=$(grep -E "Test run with [0-9]+ tests? .*passed" "$log" | sed -E 's/.*Test run with ([0-9]+) tests?.*/\1/' | tail -1 || true)
failed=$(grep -E "Test run with [0-9]+ tests? .*failed" "$log" | sed -E 's/.*with ([0-9]+) issues?.*/\1/' | tail -1 || true)
if [ "$status" -eq 0 ] && [ -n "$passed" ]; then
  echo "tests: $passed passed, 0 failed"
else
  echo "tests: ${passed:-0} passed, ${failed:-1} failed"
  exit 1
fi
