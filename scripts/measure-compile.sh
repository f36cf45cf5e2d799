#!/usr/bin/env bash
# Compile time and peak memory of every test, example and benchmark translation unit, with the
# flags each is built with: tests and examples as the test presets build them (g++ or clang++,
# -O1 -g0), benchmarks as the bench preset does (Release, -O3 -march=native).  Builds in
# build/measure-<compiler>[-bench] with -j1 (so compiles do not compete with each other),
# wrapping each compiler call in /usr/bin/time, and prints a Markdown table sorted by time.
# Times are CPU seconds (user + sys of the compiler), which a busy machine inflates much less
# than wall time; the wall time is beside them.
# Usage: scripts/measure-compile.sh [g++|clang++]
set -euo pipefail
cd "$(dirname "$0")/.."
cxx=${1:-g++}
base=build/measure-${cxx//+/p}
measure() {  # measure DIR cmake-args...
  local dir=$1; shift
  local log=$PWD/$dir/compile-times.log
  rm -rf "$dir"
  mkdir -p "$dir"
  : > "$log"
  cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DDESCENT_TEST_HEADERS=OFF "$@" \
    "-DCMAKE_CXX_COMPILER_LAUNCHER=/usr/bin/time;-a;-o;$log;-f;%e %U %S %M %C" >/dev/null
  cmake --build "$dir" -j1 >/dev/null
  grep -E ' -c [^ ]+\.cpp' "$log"
}
{
  measure "$base" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g0"
  measure "$base-bench" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O3 -DNDEBUG" \
    -DDESCENT_BUILD_TESTS=OFF -DDESCENT_BUILD_EXAMPLES=OFF -DDESCENT_BUILD_BENCH=ON
} | awk '{
  src=""; opt="-O1"; for (i = 5; i <= NF; ++i) { if ($i == "-c") src = $(i + 1); if ($i == "-O3") opt = "-O3" }
  sub(".*/(tests|examples|bench)/", "", src); printf "%s %s %.2f %.2f %.0f\n", src, opt, $2 + $3, $1, $4 / 1024 }' |
  sort -k3 -rn | awk 'BEGIN { print "| translation unit | flags | CPU seconds | wall seconds | peak MB |"; print "| --- | --- | ---: | ---: | ---: |" }
  { printf "| %s | %s | %.2f | %.2f | %d |\n", $1, $2, $3, $4, $5; t += $3; if ($3 > 10) over++ }
  END { printf "| **total (%d TUs)** | | %.1f | | |\n", NR, t; printf "\n%d TUs over 10 CPU seconds\n", over + 0 }'
