// Evaluation speed of generated derivatives, side by side with hand-written code.
//
//   cmake --preset bench && cmake --build --preset bench --target bench_expressions
//   ./build/bench/bench/core/bench_expressions --benchmark_repetitions=10
//       --benchmark_report_aggregates_only=true     (one command line)
//
// Each benchmark evaluates a batch of 1024 points so that one iteration is long enough to
// time; the per-point cost is time / 1024.
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include <descent/descent.hpp>

using namespace descent::literals;

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;

namespace {

constexpr std::size_t batch = 1024;

std::vector<double> points(double lo, double hi, std::size_t n) {
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(n);
  return v;
}

// ---- Rosenbrock: value + gradient -------------------------------------------------------
constexpr auto rosenbrock = sq(1_c - x) + 100_c * sq(y - sq(x));

void rosenbrock_descent(benchmark::State& st) {
  const auto xs = points(-2, 2, batch), ys = points(-1, 3, batch);
  for (auto _ : st) {
    double acc = 0;
    for (std::size_t i = 0; i < batch; ++i) {
      const auto [v, g] = descent::value_and_grad(rosenbrock, descent::wrt(x, y), x = xs[i], y = ys[i]);
      acc += v + g[0] + g[1];
    }
    benchmark::DoNotOptimize(acc);
  }
  st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * batch));
}

void rosenbrock_hand_written(benchmark::State& st) {
  const auto xs = points(-2, 2, batch), ys = points(-1, 3, batch);
  for (auto _ : st) {
    double acc = 0;
    for (std::size_t i = 0; i < batch; ++i) {
      const double X = xs[i], Y = ys[i];
      const double a = 1 - X, b = Y - X * X;
      const double v = a * a + 100 * b * b;
      const double gx = -2 * a - 400 * X * b;
      const double gy = 200 * b;
      acc += v + gx + gy;
    }
    benchmark::DoNotOptimize(acc);
  }
  st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * batch));
}

// ---- 8th derivative of sin(x) exp(x) cos(x^2) vs the function itself ---------------------
constexpr auto f = sin(x) * exp(x) * cos(x * x);
constexpr auto d8 = descent::d(f, x, x, x, x, x, x, x, x);

void f_itself(benchmark::State& st) {
  const auto xs = points(-1, 1, batch);
  for (auto _ : st) {
    double acc = 0;
    for (std::size_t i = 0; i < batch; ++i) acc += descent::eval(f, x = xs[i]);
    benchmark::DoNotOptimize(acc);
  }
  st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * batch));
}

void f_hand_written(benchmark::State& st) {
  const auto xs = points(-1, 1, batch);
  for (auto _ : st) {
    double acc = 0;
    for (std::size_t i = 0; i < batch; ++i) acc += std::sin(xs[i]) * std::exp(xs[i]) * std::cos(xs[i] * xs[i]);
    benchmark::DoNotOptimize(acc);
  }
  st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * batch));
}

void eighth_derivative(benchmark::State& st) {
  const auto xs = points(-1, 1, batch);
  for (auto _ : st) {
    double acc = 0;
    for (std::size_t i = 0; i < batch; ++i) acc += descent::eval(d8, x = xs[i]);
    benchmark::DoNotOptimize(acc);
  }
  st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * batch));
}

}  // namespace

BENCHMARK(rosenbrock_hand_written);
BENCHMARK(rosenbrock_descent);
BENCHMARK(f_hand_written);
BENCHMARK(f_itself);
BENCHMARK(eighth_derivative);
BENCHMARK_MAIN();
