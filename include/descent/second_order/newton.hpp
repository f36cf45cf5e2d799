#ifndef DESCENT_SECOND_ORDER_NEWTON_HPP
#define DESCENT_SECOND_ORDER_NEWTON_HPP

// Newton's method with the objective's exact Hessian (descent::hessian_objective: for an
// expression objective the Hessian is generated at compile time).
//   H_k + tau_k I = L L^T     (Cholesky with added multiple of the identity, N&W Alg. 3.3:
//                              tau_k = 0 when H_k is positive definite)
//   p_k = -(L L^T)^{-1} g_k,  x_{k+1} = x_k + alpha_k p_k,  alpha_k from a line search
//                              started at alpha = 1 (strong Wolfe by default)
// Near a minimiser with positive definite Hessian tau = 0 and alpha = 1: quadratic convergence.

#include <descent/search/strong_wolfe.hpp>
#include <descent/second_order/cholesky.hpp>
#include <descent/second_order/detail/line_step.hpp>
#include <descent/second_order/detail/vec.hpp>
#include <descent/problem/method.hpp>
#include <descent/problem/objective.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace descent::second_order {

struct newton_options {
  search::strong_wolfe search{};  // line search from alpha = 1
  double beta = 1e-3;             // first added multiple of I, relative to max |H_ii|
};

// Usage: `descent::minimize(f, x, descent::second_order::newton(), ...)`; `descent::second_order::newton<float>()` for float.
template <class T = double>
class newton {
 public:
  explicit newton(newton_options options = {}) : opt_(options) {}

  template <class F>
  step_report step(F& f, std::span<T> x, T& loss, std::span<T> g) {
    static_assert(hessian_objective<F, T>,
                  "descent::second_order::newton needs an objective with an exact Hessian: "
                  "f.hessian(x, h) filling h (row-major n*n), as descent::make_objective(expr, "
                  "wrt(...)) gives; use descent::second_order::lbfgs for objectives with gradients only");
    if constexpr (hessian_objective<F, T>) return step_impl(f, x, loss, g);
    else return {0, method_status::failed, nullptr};  // unreachable: stopped above
  }

 private:
  template <class F>
  step_report step_impl(F& f, std::span<T> x, T& loss, std::span<T> g) {
    namespace d = second_order::detail;
    const std::size_t n = x.size();
    setup(n);
    if (d::norm_inf(d::as_const(g)) == T(0))
      return {0, method_status::converged, "Newton: the gradient is exactly zero"};
    f.hessian(d::as_const(x), std::span<T>(h_));
    ++hessians_;
    const auto chol = second_order::cholesky_with_added_identity(
        std::span<const T>(h_), n, std::span<T>(l_), T(opt_.beta));
    last_tau_ = chol.tau;
    if (!chol.ok)
      return {0, method_status::failed,
              "Newton: no multiple of the identity made the Hessian positive definite "
              "(Hessian not finite?)"};
    for (std::size_t i = 0; i < n; ++i) p_[i] = -g[i];
    second_order::cholesky_solve(std::span<const T>(l_), n, std::span<const T>(p_),
                                 std::span<T>(p_));
    const auto r = d::line_step(opt_.search, f, x, loss, g, std::span<const T>(p_), T(1),
                                std::span<T>(xt_), std::span<T>(gt_));
    if (!r.search.ok()) return {r.evaluations, method_status::failed, r.search.message};
    return {r.evaluations, method_status::running, nullptr};
  }

 public:

  // Newton keeps no state between iterations: nothing to forget or checkpoint but counters.
  void reset() noexcept { hessians_ = 0; }
  template <class Archive>
  void serialize(Archive& ar) {
    ar("newton.hessian_evaluations", hessians_);
  }

  [[nodiscard]] std::uint64_t hessian_evaluations() const noexcept { return hessians_; }
  [[nodiscard]] T last_shift() const noexcept { return last_tau_; }  // tau of the last step
  [[nodiscard]] const newton_options& options() const noexcept { return opt_; }

 private:
  void setup(std::size_t n) {  // allocates on the first step only
    if (p_.size() == n) return;
    h_.assign(n * n, T(0));
    l_.assign(n * n, T(0));
    p_.assign(n, T(0));
    xt_.assign(n, T(0));
    gt_.assign(n, T(0));
  }

  newton_options opt_;
  std::vector<T> h_, l_, p_, xt_, gt_;
  std::uint64_t hessians_ = 0;
  T last_tau_ = T(0);
};

newton() -> newton<double>;
newton(newton_options) -> newton<double>;

}  // namespace descent::second_order

// The documented short names: descent::newton_options, descent::newton.
namespace descent {
using second_order::newton_options;
using second_order::newton;
}  // namespace descent

#endif
