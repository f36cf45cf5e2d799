#ifndef DESCENT_SECOND_ORDER_LBFGS_HPP
#define DESCENT_SECOND_ORDER_LBFGS_HPP

// L-BFGS (Nocedal & Wright Alg. 7.5): the inverse Hessian is approximated from the last m
// pairs s_k = x_{k+1} - x_k, y_k = g_{k+1} - g_k by the two-loop recursion, with
// H_0 = (s.y / y.y) I; p_k = -H_k g_k, alpha_k from a strong Wolfe line search (c1 = 1e-4,
// c2 = 0.9) started at 1 (at 1/|g| on the first step, which has no scale yet).
// Pairs with s.y <= eps * y.y are skipped.  If the search fails along a quasi-Newton
// direction, the memory is cleared and one steepest-descent search is tried before the step
// reports failure.

#include <descent/core/norm.hpp>
#include <descent/search/strong_wolfe.hpp>
#include <descent/second_order/detail/line_step.hpp>
#include <descent/second_order/detail/two_loop.hpp>
#include <descent/second_order/detail/vec.hpp>
#include <descent/problem/method.hpp>
#include <descent/problem/objective.hpp>

#include <algorithm>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <vector>

namespace descent::second_order {

struct lbfgs_options {
  std::size_t history = 10;       // m: pairs kept
  search::strong_wolfe search{};  // c1 = 1e-4, c2 = 0.9
};

// Usage: `descent::second_order::lbfgs({.history = 5})`; `descent::second_order::lbfgs<float>()` for float.
template <class T = double>
class lbfgs {
 public:
  explicit lbfgs(lbfgs_options options = {}) : opt_(options) {
    if (opt_.history == 0)  // no pairs: every step would silently be steepest descent
      throw std::invalid_argument("descent::second_order::lbfgs: history = 0 is outside [1, inf)");
  }

  template <class F>
  step_report step(F& f, std::span<T> x, T& loss, std::span<T> g) {
    static_assert(objective<F, T>,
                  "descent::second_order::lbfgs needs an objective: f(x, g) returning f(x) and writing the "
                  "gradient into g");
    if constexpr (objective<F, T>) return step_impl(f, x, loss, g);
    else return {0, method_status::failed, nullptr};  // unreachable: stopped above
  }

 private:
  template <class F>
  step_report step_impl(F& f, std::span<T> x, T& loss, std::span<T> g) {
    namespace d = second_order::detail;
    const std::size_t n = x.size();
    setup(n);
    const T gnorm = static_cast<T>(descent::detail::norm2(d::as_const(g)));
    if (gnorm == T(0)) return {0, method_status::converged, "L-BFGS: the gradient is exactly zero"};
    std::copy(x.begin(), x.end(), x_old_.begin());
    std::copy(g.begin(), g.end(), g_old_.begin());
    std::size_t evals = 0;
    for (int attempt = 0; attempt < 2; ++attempt) {
      mem_.direction(d::as_const(g), std::span<T>(p_));
      T alpha0 = T(1);
      if (mem_.count == 0 || !(d::dot(d::as_const(g), std::span<const T>(p_)) < T(0))) {
        mem_.clear();
        for (std::size_t i = 0; i < n; ++i) p_[i] = -g[i];
        alpha0 = std::min(T(1), T(1) / gnorm);
      }
      const auto r = d::line_step(opt_.search, f, x, loss, g, std::span<const T>(p_), alpha0,
                                  std::span<T>(xt_), std::span<T>(gt_));
      evals += r.evaluations;
      if (r.search.ok()) {
        mem_.push(d::as_const(x), std::span<const T>(x_old_), d::as_const(g),
                  std::span<const T>(g_old_));
        return {evals, method_status::running, nullptr};
      }
      if (mem_.count == 0) return {evals, method_status::failed, r.search.message};
      mem_.clear();  // retry once along -g
      ++restarts_;
    }
    return {evals, method_status::failed, "L-BFGS: line search failed"};
  }

 public:

  void reset() noexcept { mem_.clear(); }
  template <class Archive>
  void serialize(Archive& ar) {
    mem_.serialize(ar);
  }

  [[nodiscard]] std::size_t pairs_stored() const noexcept { return mem_.count; }
  [[nodiscard]] std::size_t restarts() const noexcept { return restarts_; }
  [[nodiscard]] const lbfgs_options& options() const noexcept { return opt_; }

 private:
  void setup(std::size_t n) {
    mem_.setup(opt_.history, n);
    if (p_.size() == n) return;
    p_.assign(n, T(0));
    xt_.assign(n, T(0));
    gt_.assign(n, T(0));
    x_old_.assign(n, T(0));
    g_old_.assign(n, T(0));
  }

  lbfgs_options opt_;
  second_order::detail::lbfgs_memory<T> mem_;
  std::vector<T> p_, xt_, gt_, x_old_, g_old_;
  std::size_t restarts_ = 0;
};

lbfgs() -> lbfgs<double>;
lbfgs(lbfgs_options) -> lbfgs<double>;

}  // namespace descent::second_order

// The documented short names: descent::lbfgs_options, descent::lbfgs.
namespace descent {
using second_order::lbfgs_options;
using second_order::lbfgs;
}  // namespace descent

#endif
