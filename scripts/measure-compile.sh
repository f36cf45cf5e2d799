#!/usr/bin/env bash
# Compile time and peak memory of every test, example and benchmark translation unit.
# Builds in build/measure-<compiler> with -j1 (so timings do not compete with each other),
# wrapping each compiler call in /usr/bin/time, and prints a Markdown table sorted by time.
# Usage: scripts/measure-compile.sh [g++|clang++]
set -euo pipefail
cd "$(dirname "$0")/.."
cxx=${1:-g++}
dir=build/measure-${cxx//+/p}
log=$PWD/$dir/compile-times.log
rm -rf "$dir"
mkdir -p "$dir"
: > "$log"
cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g0" -DDESCENT_BUILD_BENCH=ON -DDESCENT_TEST_HEADERS=OFF \
  "-DCMAKE_CXX_COMPILER_LAUNCHER=/usr/bin/time;-a;-o;$log;-f;%e %M %C" >/dev/null
cmake --build "$dir" -j1 >/dev/null
echo "| translation unit | seconds | peak MB |"
echo "| --- | ---: | ---: |"
grep -E ' -c [^ ]+\.cpp' "$log" | awk '{
  src=""; for (i = 3; i <= NF; ++i) if ($i == "-c") src = $(i + 1);
  sub(".*/(tests|examples|bench)/", "", src); printf "%s %s %.0f\n", src, $1, $2 / 1024 }' |
  sort -k2 -rn | awk '{ printf "| %s | %.2f | %d |\n", $1, $2, $3; t += $2 } END { printf "| **total (%d TUs)** | %.1f | |\n", NR, t }'
