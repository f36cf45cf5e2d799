#!/usr/bin/env bash
# Node counts of n-th derivatives and the compile time / peak memory of the translation
# units computing them (bench/core/swell.cpp), with g++ and clang++, at -O2.  Each compile
# runs 3 times and the fastest is reported (this machine's speed varies between runs).
# Usage: scripts/measure-swell.sh   (prints a Markdown table)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
# best COMPILER ARGS...: the fastest of 3 runs, as "seconds s, peak KB KB".
best() {
  local cxx=$1; shift
  for _ in 1 2 3; do
    { /usr/bin/time -f "%e s, %M KB" "$cxx" -std=c++20 -O2 -Iinclude "$@"; } 2>&1 | tail -1
  done | sort -n | head -1
}
echo "| function | n | tree nodes | distinct nodes | value at x=0.7, y=0.3 |"
echo "| --- | --- | --- | --- | --- |"
for k in 0 1 2 3 4 5; do
  g++ -std=c++20 -O2 -Iinclude -DDESCENT_SWELL_CASE=$k bench/core/swell.cpp -o "$out/s$k"
  "$out/s$k" | sed 's/^/| /; s/$/ |/'
done
echo
echo "| translation unit | g++ 12 -O2: time, peak memory | clang++ 14 -O2: time, peak memory |"
echo "| --- | --- | --- |"
for k in 0 1 2 3 4 5; do
  label=$("$out/s$k" | head -1 | cut -d'|' -f1 | xargs)
  [[ $k == 5 ]] && label="$label, 8th derivative" || label="$label, n = 1..6"
  g=$(best g++ -DDESCENT_SWELL_CASE=$k -c bench/core/swell.cpp -o "$out/g.o")
  c=$(best clang++ -DDESCENT_SWELL_CASE=$k -c bench/core/swell.cpp -o "$out/c.o")
  echo "| $label | $g | $c |"
done
printf '#include <descent/diff/d.hpp>\n#include <descent/eval/eval.hpp>\n#include <descent/expr.hpp>\nint main() {}\n' > "$out/base.cpp"
printf '#include <descent/descent.hpp>\nint main() {}\n' > "$out/all.cpp"
echo "| (baseline: the includes of swell.cpp alone) | $(best g++ -c "$out/base.cpp" -o "$out/b.o") | $(best clang++ -c "$out/base.cpp" -o "$out/b.o") |"
echo "| (#include <descent/descent.hpp>, everything) | $(best g++ -c "$out/all.cpp" -o "$out/b.o") | $(best clang++ -c "$out/all.cpp" -o "$out/b.o") |"
rm -rf "$out"
