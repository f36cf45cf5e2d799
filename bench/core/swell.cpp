// Expression size of the n-th derivative, n = 1..6 (and 8 for the benchmark function):
// tree nodes (the expression as printed) and distinct nodes (what evaluation computes).
// scripts/measure-swell.sh compiles this once per function (-DDESCENT_SWELL_CASE=k) and
// reports compile time and peak memory next to the counts.
#include <cstdio>

#include <descent/diff/d.hpp>
#include <descent/eval/eval.hpp>
#include <descent/expr.hpp>

using namespace descent::literals;
constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;

#ifndef DESCENT_SWELL_CASE
#define DESCENT_SWELL_CASE 0
#endif

#if DESCENT_SWELL_CASE == 0
constexpr auto f = exp(sin(x));
constexpr const char* name = "exp(sin(x))";
#elif DESCENT_SWELL_CASE == 1
constexpr auto f = pow(x, 7_c);
constexpr const char* name = "x^7";
#elif DESCENT_SWELL_CASE == 2
constexpr auto f = sigmoid(x);
constexpr const char* name = "sigmoid(x)";
#elif DESCENT_SWELL_CASE == 3
constexpr auto f = tanh(x * y);
constexpr const char* name = "tanh(x*y)";
#elif DESCENT_SWELL_CASE == 4
constexpr auto f = sq(1_c - x) + 100_c * sq(y - sq(x));
constexpr const char* name = "rosenbrock";
#elif DESCENT_SWELL_CASE == 5
constexpr auto f = sin(x) * exp(x) * cos(x * x);
constexpr const char* name = "sin(x)*exp(x)*cos(x*x)";
#endif

template <int N, class E>
constexpr auto nth(const E& e) {
  if constexpr (N == 0) return e;
  else return nth<N - 1>(descent::d(e, x));
}

template <int N>
void row() {
  constexpr auto e = nth<N>(f);
  std::printf("%s | %d | %llu | %zu | %.17g\n", name, N, descent::tree_size(e), descent::dag_size(e),
              static_cast<double>(descent::eval(e, x = 0.7, y = 0.3)));
}

int main() {
#if DESCENT_SWELL_CASE == 5
  row<8>();
#else
  row<1>(); row<2>(); row<3>(); row<4>(); row<5>(); row<6>();
#endif
}
