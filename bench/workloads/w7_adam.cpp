// W7: one Adam step over n = 1e7 parameters (lr 1e-3, betas 0.9/0.999, eps 1e-8), and the
// memory bandwidth it is measured against.  One step = one optimizer step; the result is the
// parameter vector after the first step from zero moments.
//   W7/descent           descent::optim::adam (a chain: weight decay 0, Adam moments, rate)
//   W7/handwritten       the same update as one hand-written loop (restrict pointers)
//   W7_triad/handwritten STREAM triad a = b + s c over n doubles (3 arrays)
// Probes that separate what bounds the Adam step (docs/performance.md, "W7"):
//   W7_streams/handwritten  Adam's 4-read / 3-write pattern without sqrt and division
//   W7_cache/handwritten    Adam over 4096 doubles (all four arrays in L1/L2): the arithmetic alone
//   W7_float/handwritten, W7_float/descent   Adam in float (half the bytes)
// Bytes an ideal implementation moves per element: Adam 7 x sizeof(T) (p, g, m, v read; p, m, v
// written); triad 3 x 8 (4 x 8 with the write-allocate read of a, which STREAM does not count).
#include <descent/optim/named.hpp>

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>

#include "harness.hpp"

#ifndef DESCENT_BENCH_W7_SUFFIX  // bench_w7_math_errno: the same rows built with -fmath-errno
#define DESCENT_BENCH_W7_SUFFIX ""
#endif

namespace {

std::string w(const char* name) { return std::string(name) + DESCENT_BENCH_W7_SUFFIX; }

constexpr std::size_t n_big = 10'000'000, n_cache = 4096;

template <class T>
struct arrays {
  std::vector<T> p, g, m, v;
  explicit arrays(std::size_t n) : p(n, T(0.5)), g(n), m(n, T(0)), v(n, T(0)) {
    for (std::size_t i = 0; i < n; ++i) g[i] = static_cast<T>(1e-3 * static_cast<double>(i % 97) - 0.05);
  }
};

template <class T>
std::map<std::string, double> bytes_counter(std::size_t n) {
  return {{"bytes_per_step", static_cast<double>(7 * n * sizeof(T))}};
}

template <class T>
bench::kernel descent_adam(std::size_t n) {
  struct state {
    arrays<T> a;
    decltype(descent::optim::adam<T>({.learning_rate = 1e-3})) opt;
  };
  auto s = std::make_shared<state>(state{arrays<T>(n), descent::optim::adam<T>({.learning_rate = 1e-3})});
  s->opt.initialize(s->a.p);  // allocate m, v before timing, as the hand-written loop has them
  return {[s] { s->opt.step(std::span<T>(s->a.p), std::span<const T>(s->a.g)); },
          [s] { return std::vector<double>(s->a.p.begin(), s->a.p.end()); },
          [n] { return bytes_counter<T>(n); }};
}

// What a careful person writes by hand: torch's update, coefficients hoisted, one pass.
template <class T>
bench::kernel fused_adam(std::size_t n) {
  struct state {
    arrays<T> a;
    std::uint64_t t = 0;
  };
  auto s = std::make_shared<state>(state{arrays<T>(n)});
  return {[s] {
            const double lr = 1e-3, b1d = 0.9, b2d = 0.999;
            const double tt = static_cast<double>(++s->t);
            const T b1 = static_cast<T>(b1d), b2 = static_cast<T>(b2d), eps = static_cast<T>(1e-8);
            const T step_size = static_cast<T>(lr / (1 - std::pow(b1d, tt)));
            const T inv_sqrt_bc2 = static_cast<T>(1 / std::sqrt(1 - std::pow(b2d, tt)));
            T* __restrict p = s->a.p.data();
            const T* __restrict g = s->a.g.data();
            T* __restrict m = s->a.m.data();
            T* __restrict v = s->a.v.data();
            const std::size_t n = s->a.p.size();
            for (std::size_t i = 0; i < n; ++i) {
              m[i] = b1 * m[i] + (1 - b1) * g[i];
              v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
              p[i] -= step_size * m[i] / (std::sqrt(v[i]) * inv_sqrt_bc2 + eps);
            }
          },
          [s] { return std::vector<double>(s->a.p.begin(), s->a.p.end()); },
          [n] { return bytes_counter<T>(n); }};
}

// The same seven streams, with the square root and the division replaced by a multiply-add.
bench::kernel streams_only(std::size_t n) {
  auto s = std::make_shared<arrays<double>>(n);
  return {[s] {
            double* __restrict p = s->p.data();
            const double* __restrict g = s->g.data();
            double* __restrict m = s->m.data();
            double* __restrict v = s->v.data();
            for (std::size_t i = 0, e = s->p.size(); i < e; ++i) {
              m[i] = 0.9 * m[i] + 0.1 * g[i];
              v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
              p[i] -= 1e-3 * m[i] * (v[i] + 1e-8);
            }
          },
          [s] { return std::vector<double>(s->p.begin(), s->p.end()); },
          [n] { return bytes_counter<double>(n); }};
}

bench::kernel triad(std::size_t n) {
  struct state {
    std::vector<double> a, b, c;
  };
  auto s = std::make_shared<state>(state{std::vector<double>(n, 0.0), std::vector<double>(n, 1.0), std::vector<double>(n, 2.0)});
  return {[s] {
            double* __restrict a = s->a.data();
            const double* __restrict b = s->b.data();
            const double* __restrict c = s->c.data();
            for (std::size_t i = 0, e = s->a.size(); i < e; ++i) a[i] = b[i] + 3.0 * c[i];
          },
          [s] { return s->a; },
          [n] { return std::map<std::string, double>{{"bytes_per_step", static_cast<double>(3 * n * sizeof(double))}}; }};
}

const bench::registrar r1{w("W7"), "handwritten", [] { return fused_adam<double>(n_big); }};
const bench::registrar r2{w("W7"), "descent", [] { return descent_adam<double>(n_big); }};
const bench::registrar r3{w("W7_triad"), "handwritten", [] { return triad(n_big); }};
const bench::registrar r4{w("W7_streams"), "handwritten", [] { return streams_only(n_big); }};
const bench::registrar r5{w("W7_cache"), "handwritten", [] { return fused_adam<double>(n_cache); }};
const bench::registrar r6{w("W7_cache"), "descent", [] { return descent_adam<double>(n_cache); }};
const bench::registrar r7{w("W7_float"), "handwritten", [] { return fused_adam<float>(n_big); }};
// torch_rows.py regenerates p and g and compares its first step with this reference.
const bool exported = (bench::add_export(w("W7"), [](const std::string&) {}), true);
const bench::registrar r8{w("W7_float"), "descent", [] { return descent_adam<float>(n_big); }, {.tolerance = 1e-6}};

}  // namespace
