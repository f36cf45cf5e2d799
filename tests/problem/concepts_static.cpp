// descent/problem: the contracts.  What satisfies objective, hessian_objective,
// least_squares_objective and method, and what does not (each concept can say no).
// Compiling this file is the test.
#include <descent/problem/method.hpp>
#include <descent/problem/objective.hpp>

#include <cstddef>
#include <span>

namespace {
using descent::hessian_objective;
using descent::least_squares_objective;
using descent::method;
using descent::objective;

struct quadratic {
  double operator()(std::span<const double> x, std::span<double> g) const {
    g[0] = 2 * x[0];
    return x[0] * x[0];
  }
};
struct quadratic_with_hessian : quadratic {
  void hessian(std::span<const double>, std::span<double> h) const { h[0] = 2; }
};
struct line_fit : quadratic {
  std::size_t num_residuals() const { return 1; }
  void residuals(std::span<const double>, std::span<double>) const {}
  void residuals_and_jacobian(std::span<const double>, std::span<double>, std::span<double>) const {}
};
struct value_only {
  double operator()(std::span<const double> x) const { return x[0]; }
};
[[maybe_unused]] auto lambda = [](std::span<const double> x, std::span<double> g) { g[0] = 1; return x[0]; };

static_assert(objective<quadratic, double>);
static_assert(objective<decltype(lambda), double>);
static_assert(!objective<value_only, double>);
static_assert(!objective<quadratic, float>);  // a double objective is not a float one
static_assert(hessian_objective<quadratic_with_hessian, double> && !hessian_objective<quadratic, double>);
static_assert(least_squares_objective<line_fit, double> && !least_squares_objective<quadratic, double>);

struct one_step {
  template <class F, class T>
  descent::step_report step(F&, std::span<T>, T&, std::span<T>) {
    return {1, descent::method_status::running, nullptr};
  }
};
struct wrong_report {
  template <class F, class T>
  int step(F&, std::span<T>, T&, std::span<T>) { return 0; }
};
static_assert(method<one_step, quadratic, double>);
static_assert(!method<wrong_report, quadratic, double>);
static_assert(!method<quadratic, quadratic, double>);
}  // namespace
