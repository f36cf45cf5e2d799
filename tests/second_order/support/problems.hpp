// Test problems shared by the second-order tests: Rosenbrock with a hand-written Hessian,
// and a tiny loop that drives a method (the tests of descent::minimize are separate).
#ifndef DESCENT_TESTS_SECOND_ORDER_PROBLEMS_HPP
#define DESCENT_TESTS_SECOND_ORDER_PROBLEMS_HPP

#include <descent/problem/method.hpp>

#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace test_problems {

// f(x, y) = 100 (y - x^2)^2 + (1 - x)^2
struct rosenbrock {
  std::size_t calls = 0, hessian_calls = 0;
  template <class T>
  T operator()(std::span<const T> x, std::span<T> g) {
    ++calls;
    const T a = x[1] - x[0] * x[0], b = 1 - x[0];
    g[0] = -400 * a * x[0] - 2 * b;
    g[1] = 200 * a;
    return 100 * a * a + b * b;
  }
  template <class T>
  void hessian(std::span<const T> x, std::span<T> h) {
    ++hessian_calls;
    h[0] = 1200 * x[0] * x[0] - 400 * x[1] + 2;
    h[1] = h[2] = -400 * x[0];
    h[3] = 200;
  }
};

template <class T>
T norm(std::span<const T> v) {
  T s = 0;
  for (T e : v) s += e * e;
  return std::sqrt(s);
}

struct run_result {
  std::size_t iterations = 0, evaluations = 0;
  descent::method_status status = descent::method_status::running;
  const char* message = nullptr;
  double grad_norm = 0, loss = 0;
};

// Minimal driver: evaluate, then step until |g| < tol, a non-running status, or max_iter.
template <class M, class F, class T>
run_result drive(M& m, F& f, std::vector<T>& x, double tol, std::size_t max_iter) {
  std::vector<T> g(x.size());
  run_result r;
  T loss = f(std::span<const T>(x), std::span<T>(g));
  r.evaluations = 1;
  while (r.iterations < max_iter && norm(std::span<const T>(g)) >= tol) {
    const descent::step_report s = m.step(f, std::span<T>(x), loss, std::span<T>(g));
    r.evaluations += s.evaluations;
    ++r.iterations;
    r.status = s.status;
    r.message = s.message;
    if (s.status != descent::method_status::running) break;
  }
  r.grad_norm = static_cast<double>(norm(std::span<const T>(g)));
  r.loss = static_cast<double>(loss);
  return r;
}

}  // namespace test_problems

#endif
