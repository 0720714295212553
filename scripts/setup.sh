#!/usr/bin/env bash
# Installs what Zouban needs from Debian (GLPK's library and glpsol) when it is missing.
# Sourced by demo.sh and test.sh, so a fresh machine needs nothing else but Swift. With
# ZOUBAN_SETUP_TESTS=1 (test.sh sets it) it also installs what only the tests use: chromium and
# CJK fonts, which render report.html in the browser test, and poppler-utils (pdfinfo).
set -euo pipefail

packages=(libglpk-dev glpk-utils)
if [ "${ZOUBAN_SETUP_TESTS:-0}" = 1 ]; then packages+=(chromium fonts-noto-cjk poppler-utils); fi
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# openpyxl (tests only), the independent reader the .xlsx tests open our workbooks with: from PyPI, or from
# Debian when pip may not install into this python3 (PEP 668). Not fatal: without it only the
# tests that cross-check with openpyxl fail, and they say why.
if [ "${ZOUBAN_SETUP_TESTS:-0}" = 1 ] && ! python3 -c 'import openpyxl' 2>/dev/null; then
  echo "setup: installing openpyxl" >&2
  if ! PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet openpyxl >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-openpyxl; } >/dev/null 2>&1 || true
  fi
  python3 -c 'import openpyxl' 2>/dev/null ||
    echo "setup: could not install openpyxl for python3; the .xlsx cross-check tests will fail" >&2
fi
