#!/usr/bin/env bash
# Node counts of n-th derivatives and the compile time / peak memory of the translation
# units computing them (bench/core/swell.cpp), with g++ and clang++, at -O2.
# Usage: scripts/measure-swell.sh   (prints a Markdown table)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
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
  g=$( { /usr/bin/time -f "%e s, %M KB" g++ -std=c++20 -O2 -Iinclude -DDESCENT_SWELL_CASE=$k -c bench/core/swell.cpp -o "$out/g.o"; } 2>&1 | tail -1)
  c=$( { /usr/bin/time -f "%e s, %M KB" clang++ -std=c++20 -O2 -Iinclude -DDESCENT_SWELL_CASE=$k -c bench/core/swell.cpp -o "$out/c.o"; } 2>&1 | tail -1)
  echo "| $label | $g | $c |"
done
e=$( { /usr/bin/time -f "%e s, %M KB" g++ -std=c++20 -O2 -Iinclude -x c++ -c - -o "$out/e.o" <<< '#include <descent/descent.hpp>
int main() {}'; } 2>&1 | tail -1)
echo "| (baseline: only #include <descent/descent.hpp>) | $e | |"
rm -rf "$out"
