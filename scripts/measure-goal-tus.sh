#!/usr/bin/env bash
# Compile time and peak memory of the translation units that issue 7's compile-time goals name
# (README, "Measured"): the digits MLP objective (value, gradient), the breast_cancer objective
# with its exact Hessian in matrix form (what Newton reads), the same logistic loss over
# vec<"x", 10> and vec<"x", 10000> (sizes must not enter the types), and the 8th derivative of
# sin(x) exp(x) cos(x^2) (with the headers it needs, as scripts/measure-swell.sh compiles it;
# the umbrella descent/descent.hpp alone costs about 1.4 s).  Flags are the test presets' (-O1 -g0, C++20); each TU is compiled
# N times (default 3) and the fastest run is printed: CPU seconds (user + sys) and peak MB.
# Usage: scripts/measure-goal-tus.sh [g++|clang++] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
cxx=${1:-g++}
runs=${2:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags=(-std=c++20 -O1 -g0 -Iinclude -isystem /usr/include/eigen3 -c -o "$tmp/a.o")

sized() {  # sized N > file: the logistic loss, its gradient and value over vec<"x", N>
  cat <<EOF
#include <descent/shaped.hpp>
#include <vector>
using namespace descent::literals;
constexpr descent::vec<"w", $1> w;
constexpr descent::var<"b"> b;
constexpr descent::vec<"x", $1> x;
constexpr descent::var<"y"> y;
constexpr auto loss = softplus(-(2_c * y - 1_c) * (dot(w, x) + b));
double run(const std::vector<double>& X, const std::vector<double>& Y, std::vector<double>& p, std::vector<double>& g) {
  using rows = Eigen::Matrix<double, Eigen::Dynamic, $1, Eigen::RowMajor>;
  const Eigen::Map<const rows> Xm(X.data(), static_cast<Eigen::Index>(Y.size()), $1);
  auto obj = descent::make_objective(descent::mean_over_samples(loss) + 1e-3 * sq_norm(w), descent::wrt(w, b),
                                     x = Xm, y = Y);
  return obj(p, g);
}
EOF
}
sized 10 > "$tmp/vec10.cpp"
sized 10000 > "$tmp/vec10000.cpp"
cat > "$tmp/eighth.cpp" <<'EOF'
#include <descent/diff/d.hpp>
#include <descent/eval/eval.hpp>
#include <descent/expr.hpp>
#include <cstdio>
using namespace descent::literals;
constexpr descent::var<"x"> x;
int main(int argc, char**) {
  constexpr auto f = sin(x) * exp(x) * cos(x * x);
  std::printf("%g\n", descent::eval(descent::d(f, x, x, x, x, x, x, x, x), x = 0.7 + 1e-3 * argc));
}
EOF

measure() {  # measure NAME SOURCE
  local best=""
  for ((i = 0; i < runs; ++i)); do
    /usr/bin/time -f "%U %S %M" -o "$tmp/time" "$cxx" "${flags[@]}" "$2"
    local t
    t=$(awk '{printf "%.2f %d", $1 + $2, $3 / 1024}' "$tmp/time")
    if [[ -z $best ]] || awk -v a="${t%% *}" -v b="${best%% *}" 'BEGIN{exit !(a < b)}'; then best=$t; fi
  done
  printf '| %s | %s s | %s MB |\n' "$1" "${best%% *}" "${best##* }"
}

echo "| translation unit ($cxx -O1, fastest of $runs) | CPU time | peak memory |"
echo "| --- | ---: | ---: |"
measure "examples/digits/objective.cpp (MLP 64-32-10, value and gradient)" examples/digits/objective.cpp
measure "examples/breast_cancer/objective.cpp (logistic, gradient, matrix-form Hessian)" examples/breast_cancer/objective.cpp
measure 'logistic loss over vec<"x", 10>, value and gradient' "$tmp/vec10.cpp"
measure 'the same over vec<"x", 10000>' "$tmp/vec10000.cpp"
measure "8th derivative of sin(x) exp(x) cos(x^2), evaluated" "$tmp/eighth.cpp"
