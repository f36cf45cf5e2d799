#!/bin/bash
# Compile cost of splitting objective arguments with descent's type lists (the library's
# eval/arguments.hpp) vs Hana (overlay/descent/eval/arguments.hpp), g++ and clang++.
#   docs/design/measure/hana_arguments/measure.sh   (from the repository root)
# synth.cpp: 40 distinct argument packs (1 to 5 bindings/columns), each split and gathered;
# inc.cpp: the header alone.  Runs alternate the two variants; best of 5 CPU seconds
# (user + sys, less sensitive to a loaded machine than wall time) and peak RSS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
work=$(mktemp -d)
python3 - "$work/synth.cpp" <<'PY'
import itertools, sys
names = list("abcdefgh")
out = ['#include <descent/eval/arguments.hpp>', '#include <descent/expr/variable.hpp>',
       '#include <vector>', 'namespace dd = descent::detail;']
out += [f'constexpr descent::var<"{n}"> v_{n};' for n in names]
out.append('double run(const std::vector<double>& xs) {\n  double s = 0;')
k = 0
for r in range(1, 6):
    for combo in itertools.combinations(names, r):
        if k >= 40:
            break
        args, types = [], []
        for i, n in enumerate(combo):
            if (i + k) % 2 == 0:
                args.append(f'v_{n} = xs'); types.append(f'descent::column<"{n}", double>')
            else:
                args.append(f'v_{n} = 1.0'); types.append(f'descent::binding<"{n}", double>')
        out.append(f'  {{ using sp = dd::split_arguments<{", ".join(types)}>;')
        out.append(f'    const auto sc = dd::gather<sp::scalars>({", ".join(args)});')
        out.append(f'    const auto co = dd::gather<sp::columns>({", ".join(args)});')
        out.append('    s += sizeof(sc) + sizeof(co); }')
        k += 1
out.append('  return s;\n}')
open(sys.argv[1], 'w').write('\n'.join(out) + '\n')
PY
printf '#include <descent/eval/arguments.hpp>\nint main() {}\n' > "$work/inc.cpp"
for cxx in g++ clang++; do
  for tu in synth.cpp inc.cpp; do
    declare -A best mem
    best[current]=999; best[hana]=999
    for i in 1 2 3 4 5; do
      for v in current hana; do
        extra=""; [[ $v == hana ]] && extra="-I$here/overlay"
        /usr/bin/time -o "$work/t.txt" -f "%U %S %M" $cxx -std=gnu++20 -O1 -g0 $extra \
          -I"$root/include" -c "$work/$tu" -o "$work/x.o"
        read -r u s m < "$work/t.txt"
        t=$(echo "$u + $s" | bc)
        if (( $(echo "$t < ${best[$v]}" | bc) )); then best[$v]=$t; mem[$v]=$((m / 1024)); fi
      done
    done
    echo "$cxx $tu: type lists ${best[current]} s ${mem[current]} MB, Hana ${best[hana]} s ${mem[hana]} MB"
  done
done
rm -rf "$work"
