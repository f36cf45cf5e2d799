// One Adam step over n doubles, three ways, side by side:
//   descent   descent::optim::adam (a chain: weight decay, Adam moments, learning rate)
//   fused     the same update as one hand-written loop (restrict pointers)
//   triad     STREAM triad a[i] = b[i] + s * c[i], this machine's memory bandwidth
// Counters: bytes_per_second counts the bytes an ideal implementation moves:
// Adam reads p, g, m, v and writes p, m, v (7 x 8 bytes per element); the triad reads 2
// and writes 1 (3 x 8 bytes; write-allocate traffic not counted, as in STREAM).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstddef>
#include <vector>

#include <descent/optim/named.hpp>

namespace {

struct arrays {
  std::vector<double> p, g, m, v;
  explicit arrays(std::size_t n) : p(n, 0.5), g(n), m(n, 0.0), v(n, 0.0) {
    for (std::size_t i = 0; i < n; ++i) g[i] = 1e-3 * static_cast<double>(i % 97) - 0.05;
  }
};

void descent_adam(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  arrays a(n);
  auto opt = descent::optim::adam({.learning_rate = 1e-3});
  opt.initialize(a.p);  // allocate m, v before timing, as the hand-written loop has them
  for (auto _ : state) {
    opt.step(a.p, a.g);
    benchmark::DoNotOptimize(a.p.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * n * 7 * sizeof(double)));
}

// What a careful person writes by hand: torch's update, coefficients hoisted, one pass.
void fused_adam(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  arrays a(n);
  const double lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8;
  std::uint64_t t = 0;
  for (auto _ : state) {
    ++t;
    const double bc1 = 1 - std::pow(b1, static_cast<double>(t));
    const double inv_sqrt_bc2 = 1 / std::sqrt(1 - std::pow(b2, static_cast<double>(t)));
    const double step_size = lr / bc1;
    double* __restrict p = a.p.data();
    const double* __restrict g = a.g.data();
    double* __restrict m = a.m.data();
    double* __restrict v = a.v.data();
    for (std::size_t i = 0; i < n; ++i) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      p[i] -= step_size * m[i] / (std::sqrt(v[i]) * inv_sqrt_bc2 + eps);
    }
    benchmark::DoNotOptimize(a.p.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * n * 7 * sizeof(double)));
}

void stream_triad(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::vector<double> x(n, 1.0), y(n, 2.0), z(n, 0.0);
  const double s = 3.0;
  for (auto _ : state) {
    double* __restrict a = z.data();
    const double* __restrict b = x.data();
    const double* __restrict c = y.data();
    for (std::size_t i = 0; i < n; ++i) a[i] = b[i] + s * c[i];
    benchmark::DoNotOptimize(z.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * n * 3 * sizeof(double)));
}

}  // namespace

BENCHMARK(descent_adam)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(fused_adam)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(stream_triad)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
