#!/usr/bin/env bash
# Installs what Zouban needs from Debian (GLPK's library and glpsol) when it is missing.
# Sourced by demo.sh and test.sh, so a fresh machine needs nothing else but Swift.
set -euo pipefail

missing=()
for pkg in libglpk-dev glpk-utils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
