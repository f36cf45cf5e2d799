#!/usr/bin/env bash
# Installs what descent's build, tests, examples and benchmarks need on Debian bookworm.
# Installs only what is missing; needs root (or sudo) when something is missing.
set -euo pipefail
pkgs=(cmake ninja-build g++ clang libboost-dev libboost-test-dev librange-v3-dev
      libbenchmark-dev libeigen3-dev zlib1g-dev libboost-iostreams-dev libclang-rt-14-dev)
# Optional extras used when present: gnuplot (optimizer_zoo plots).
[[ ${DESCENT_WITH_GNUPLOT:-0} == 1 ]] && pkgs+=(gnuplot-nox)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
