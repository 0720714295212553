#!/usr/bin/env bash
# Solves the sample primary school: installs GLPK if needed, builds Zouban (release) and runs
#   zouban solve Catalogs/yangguang-primary --out out/yangguang-primary --xlsx
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --product zouban >&2
.build/release/zouban solve Catalogs/yangguang-primary --out out/yangguang-primary --xlsx "$@"
