#ifndef DESCENT_SECOND_ORDER_GAUSS_NEWTON_HPP
#define DESCENT_SECOND_ORDER_GAUSS_NEWTON_HPP

// Gauss-Newton for f(x) = 1/2 |r(x)|^2 (descent::least_squares_objective):
//   (J^T J + tau I) p = -J^T r     (tau = 0 unless J^T J is singular; N&W Alg. 3.3)
//   x_{k+1} = x_k + alpha p,       alpha by backtracking Armijo from 1 (N&W section 10.3)
// Each step evaluates r and J once, then f along p.  For problems with large residuals or a
// rank-deficient J prefer levenberg_marquardt.

#include <descent/search/armijo.hpp>
#include <descent/second_order/cholesky.hpp>
#include <descent/second_order/detail/least_squares.hpp>
#include <descent/second_order/detail/line_step.hpp>
#include <descent/second_order/detail/vec.hpp>
#include <descent/problem/method.hpp>
#include <descent/problem/objective.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace descent::second_order {

struct gauss_newton_options {
  search::armijo search{};  // from alpha = 1
  double beta = 1e-10;      // shift used only when J^T J is not positive definite
};

// Usage: `descent::second_order::gauss_newton()`; `descent::second_order::gauss_newton<float>()` for float.
template <class T = double>
class gauss_newton {
 public:
  explicit gauss_newton(gauss_newton_options options = {}) : opt_(options) {}

  template <class F>
  step_report step(F& f, std::span<T> x, T& loss, std::span<T> g) {
    static_assert(least_squares_objective<F, T>,
                  "descent::second_order::gauss_newton needs a least-squares objective: num_residuals(), "
                  "residuals(x, r) and residuals_and_jacobian(x, r, J), e.g. "
                  "descent::make_least_squares(residual, wrt(...), data columns...)");
    if constexpr (least_squares_objective<F, T>) return step_impl(f, x, loss, g);
    else return {0, method_status::failed, nullptr};  // unreachable: stopped above
  }

 private:
  template <class F>
  step_report step_impl(F& f, std::span<T> x, T& loss, std::span<T> g) {
    namespace d = second_order::detail;
    const std::size_t n = x.size(), m = static_cast<std::size_t>(f.num_residuals());
    setup(m, n);
    if (d::norm_inf(d::as_const(g)) == T(0))
      return {0, method_status::converged, "Gauss-Newton: the gradient is exactly zero"};
    f.residuals_and_jacobian(d::as_const(x), std::span<T>(r_), std::span<T>(j_));
    d::normal_equations(std::span<const T>(j_), std::span<const T>(r_), m, n, std::span<T>(a_),
                        std::span<T>(p_));
    const auto chol = second_order::cholesky_with_added_identity(
        std::span<const T>(a_), n, std::span<T>(l_), T(opt_.beta));
    if (!chol.ok)
      return {1, method_status::failed, "Gauss-Newton: J^T J could not be factorised"};
    for (std::size_t i = 0; i < n; ++i) p_[i] = -p_[i];
    second_order::cholesky_solve(std::span<const T>(l_), n, std::span<const T>(p_),
                                 std::span<T>(p_));
    const auto r = d::line_step(opt_.search, f, x, loss, g, std::span<const T>(p_), T(1),
                                std::span<T>(xt_), std::span<T>(gt_));
    if (!r.search.ok()) return {1 + r.evaluations, method_status::failed, r.search.message};
    return {1 + r.evaluations, method_status::running, nullptr};
  }

 public:

  void reset() noexcept {}  // no state between iterations
  template <class Archive>
  void serialize(Archive&) {}

 private:
  void setup(std::size_t m, std::size_t n) {
    if (r_.size() == m && p_.size() == n) return;
    r_.assign(m, T(0));
    j_.assign(m * n, T(0));
    a_.assign(n * n, T(0));
    l_.assign(n * n, T(0));
    p_.assign(n, T(0));
    xt_.assign(n, T(0));
    gt_.assign(n, T(0));
  }

  gauss_newton_options opt_;
  std::vector<T> r_, j_, a_, l_, p_, xt_, gt_;
};

gauss_newton() -> gauss_newton<double>;
gauss_newton(gauss_newton_options) -> gauss_newton<double>;

}  // namespace descent::second_order

// The documented short names: descent::gauss_newton_options, descent::gauss_newton.
namespace descent {
using second_order::gauss_newton_options;
using second_order::gauss_newton;
}  // namespace descent

#endif
