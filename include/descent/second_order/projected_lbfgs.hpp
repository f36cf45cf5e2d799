#ifndef DESCENT_SECOND_ORDER_PROJECTED_LBFGS_HPP
#define DESCENT_SECOND_ORDER_PROJECTED_LBFGS_HPP

// Projected L-BFGS for box constraints (an active-set projected quasi-Newton method in the
// manner of Bertsekas 1982 and Kim, Sra & Dhillon 2010; not the Cauchy-point/subspace
// machinery of L-BFGS-B):
//   A_k  = { i : x_i within eps of a bound and g_i pushes outward },
//          eps = min(active_epsilon, |x - P(x - g)|)
//   p_k  = -H_k g on the free variables (two-loop recursion restricted to them), 0 on A_k
//   x(alpha) = P(x_k + alpha p_k), backtracking from alpha = 1 until
//          f(x(alpha)) <= f(x_k) + c1 g_k.(x(alpha) - x_k)          (Armijo along the arc)
// It reports `converged` when max_i |x_i - P(x_i - g_i)| <= tolerance: at a constrained
// optimum the gradient itself need not vanish, so gradient-norm stopping rules cannot see it.
// x is projected onto the box before the first step (one extra evaluation if it moved).

#include <descent/second_order/box.hpp>
#include <descent/second_order/detail/two_loop.hpp>
#include <descent/second_order/detail/vec.hpp>
#include <descent/problem/method.hpp>
#include <descent/problem/objective.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <utility>
#include <vector>

namespace descent::second_order {

struct projected_lbfgs_options {
  std::size_t history = 10;           // m
  double tolerance = 1e-9;            // on max |x - P(x - g)|: converged below it
  double c1 = 1e-4;                   // Armijo constant along the projection arc
  double active_epsilon = 1e-3;       // upper bound of the eps-active set width
  std::size_t max_evaluations = 50;   // backtracking budget per step
};

// Usage: `descent::second_order::projected_lbfgs(descent::second_order::box<double>{.lower = lo, .upper = hi}, {.history = 5})`.
template <class T = double>
class projected_lbfgs {
 public:
  explicit projected_lbfgs(box<T> bounds, projected_lbfgs_options options = {})
      : box_(std::move(bounds)), opt_(options) {}

  template <class F>
  step_report step(F& f, std::span<T> x, T& loss, std::span<T> g) {
    static_assert(objective<F, T>,
                  "descent::second_order::projected_lbfgs needs an objective: f(x, g) returning f(x) and "
                  "writing the gradient into g");
    if constexpr (objective<F, T>) return step_impl(f, x, loss, g);
    else return {0, method_status::failed, nullptr};  // unreachable: stopped above
  }

 private:
  template <class F>
  step_report step_impl(F& f, std::span<T> x, T& loss, std::span<T> g) {
    namespace d = second_order::detail;
    const std::size_t n = x.size();
    setup(n);
    std::size_t evals = 0;
    if (!box_.contains(d::as_const(x))) {
      box_.project(x);
      loss = static_cast<T>(f(d::as_const(x), g));
      ++evals;
    }
    const T pg = box_.projected_gradient_norm(d::as_const(x), d::as_const(g));
    if (pg <= T(opt_.tolerance))
      return {evals, method_status::converged,
              "projected L-BFGS: projected gradient below tolerance"};
    // eps-active set
    T w = T(0);
    for (std::size_t i = 0; i < n; ++i) {
      const T r = x[i] - std::clamp(x[i] - g[i], box_.lower[i], box_.upper[i]);
      w += r * r;
    }
    const T eps = std::min(T(opt_.active_epsilon), std::sqrt(w));
    for (std::size_t i = 0; i < n; ++i) {
      const bool at_lower = x[i] <= box_.lower[i] + eps && g[i] > T(0);
      const bool at_upper = x[i] >= box_.upper[i] - eps && g[i] < T(0);
      free_[i] = !(at_lower || at_upper);
    }
    mem_.direction(d::as_const(g), std::span<T>(p_), std::span<const unsigned char>(free_));
    T alpha = T(1);
    if (mem_.count == 0 || !(d::dot(d::as_const(g), std::span<const T>(p_)) < T(0))) {
      mem_.clear();
      T pn = T(0);
      for (std::size_t i = 0; i < n; ++i) {
        p_[i] = free_[i] ? -g[i] : T(0);
        pn += p_[i] * p_[i];
      }
      if (pn == T(0))  // every variable is held at a bound: x is stationary
        return {evals, method_status::converged, "projected L-BFGS: all variables at bounds"};
      alpha = std::min(T(1), T(1) / std::sqrt(pn));
    }
    std::copy(x.begin(), x.end(), x_old_.begin());
    std::copy(g.begin(), g.end(), g_old_.begin());
    for (std::size_t k = 0; k < opt_.max_evaluations; ++k) {
      T decrease = T(0);
      for (std::size_t i = 0; i < n; ++i) {
        xt_[i] = std::clamp(x[i] + alpha * p_[i], box_.lower[i], box_.upper[i]);
        decrease += g[i] * (xt_[i] - x[i]);
      }
      const T ft = static_cast<T>(f(std::span<const T>(xt_), std::span<T>(gt_)));
      ++evals;
      if (std::isfinite(ft) && ft <= loss + T(opt_.c1) * decrease) {
        std::copy(xt_.begin(), xt_.end(), x.begin());
        std::copy(gt_.begin(), gt_.end(), g.begin());
        loss = ft;
        mem_.push(d::as_const(x), std::span<const T>(x_old_), d::as_const(g),
                  std::span<const T>(g_old_));
        return {evals, method_status::running, nullptr};
      }
      alpha *= T(0.5);
    }
    mem_.clear();
    return {evals, method_status::failed,
            "projected L-BFGS: no sufficient decrease along the projection arc within "
            "max_evaluations"};
  }

 public:

  void reset() noexcept { mem_.clear(); }
  template <class Archive>
  void serialize(Archive& ar) {
    mem_.serialize(ar);
  }

  [[nodiscard]] const box<T>& bounds() const noexcept { return box_; }
  [[nodiscard]] const projected_lbfgs_options& options() const noexcept { return opt_; }

 private:
  void setup(std::size_t n) {
    mem_.setup(opt_.history, n);
    if (p_.size() == n) return;
    box_.check(n);
    p_.assign(n, T(0));
    xt_.assign(n, T(0));
    gt_.assign(n, T(0));
    x_old_.assign(n, T(0));
    g_old_.assign(n, T(0));
    free_.assign(n, 1);
  }

  box<T> box_;
  projected_lbfgs_options opt_;
  second_order::detail::lbfgs_memory<T> mem_;
  std::vector<T> p_, xt_, gt_, x_old_, g_old_;
  std::vector<unsigned char> free_;
};

template <class T>
projected_lbfgs(box<T>) -> projected_lbfgs<T>;
template <class T>
projected_lbfgs(box<T>, projected_lbfgs_options) -> projected_lbfgs<T>;

}  // namespace descent::second_order

// The documented short names: descent::projected_lbfgs_options, descent::projected_lbfgs.
namespace descent {
using second_order::projected_lbfgs_options;
using second_order::projected_lbfgs;
}  // namespace descent

#endif
