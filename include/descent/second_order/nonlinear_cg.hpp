#ifndef DESCENT_SECOND_ORDER_NONLINEAR_CG_HPP
#define DESCENT_SECOND_ORDER_NONLINEAR_CG_HPP

// Nonlinear conjugate gradient, Polak-Ribiere+ (Nocedal & Wright eq. 5.44-5.45):
//   beta_{k+1} = max(0, g_{k+1}.(g_{k+1} - g_k) / g_k.g_k),  p_{k+1} = -g_{k+1} + beta p_k
// restarted (p = -g) every `restart_every` iterations (default n) and whenever p is not a
// descent direction.  Strong Wolfe line search with c2 = 0.1 (CG needs a tighter curvature
// condition than quasi-Newton methods); first trial step alpha_0 = alpha_prev *
// (g_prev.p_prev)/(g.p) (N&W eq. 3.60), 1/|g| on the first iteration.

#include <descent/search/strong_wolfe.hpp>
#include <descent/second_order/detail/line_step.hpp>
#include <descent/second_order/detail/vec.hpp>
#include <descent/problem/method.hpp>
#include <descent/problem/objective.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace descent::second_order {

struct nonlinear_cg_options {
  std::size_t restart_every = 0;                   // 0: every n = x.size() iterations
  search::strong_wolfe search{.c1 = 1e-4, .c2 = 0.1};
};

// Usage: `descent::second_order::nonlinear_cg()`; `descent::second_order::nonlinear_cg<float>()` for float.
template <class T = double>
class nonlinear_cg {
 public:
  explicit nonlinear_cg(nonlinear_cg_options options = {}) : opt_(options) {}

  template <class F>
  step_report step(F& f, std::span<T> x, T& loss, std::span<T> g) {
    static_assert(objective<F, T>,
                  "descent::second_order::nonlinear_cg needs an objective: f(x, g) returning f(x) and "
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
    const T gg = d::dot(d::as_const(g), d::as_const(g));
    if (gg == T(0)) return {0, method_status::converged, "CG: the gradient is exactly zero"};
    const std::size_t period = opt_.restart_every ? opt_.restart_every : n;
    bool restart = since_restart_ >= period || !(gg_prev_ > T(0));
    T beta = T(0);
    if (!restart) {
      T num = T(0);
      for (std::size_t i = 0; i < n; ++i) num += g[i] * (g[i] - g_prev_[i]);
      beta = std::max(T(0), num / gg_prev_);
    }
    for (std::size_t i = 0; i < n; ++i) p_[i] = -g[i] + beta * p_[i];
    T slope = d::dot(d::as_const(g), std::span<const T>(p_));
    if (restart || !(slope < T(0))) {
      if (!restart) ++restarts_;
      restart = true;
      for (std::size_t i = 0; i < n; ++i) p_[i] = -g[i];
      slope = -gg;
    }
    T alpha0 = T(1);
    if (restart && !(alpha_prev_ > T(0))) alpha0 = T(1) / std::sqrt(gg);
    else if (alpha_prev_ > T(0)) alpha0 = alpha_prev_ * slope_prev_ / slope;
    std::copy(g.begin(), g.end(), g_prev_.begin());
    const auto r = d::line_step(opt_.search, f, x, loss, g, std::span<const T>(p_), alpha0,
                                std::span<T>(xt_), std::span<T>(gt_));
    if (!r.search.ok()) {
      reset();
      return {r.evaluations, method_status::failed, r.search.message};
    }
    gg_prev_ = gg;
    slope_prev_ = slope;
    alpha_prev_ = r.search.alpha;
    since_restart_ = restart ? 1 : since_restart_ + 1;
    return {r.evaluations, method_status::running, nullptr};
  }

 public:

  // Forget the previous direction: the next step is steepest descent.
  void reset() noexcept {
    gg_prev_ = slope_prev_ = alpha_prev_ = T(0);
    since_restart_ = 0;
  }
  template <class Archive>
  void serialize(Archive& ar) {
    ar("cg.direction", p_);
    ar("cg.previous_gradient", g_prev_);
    ar("cg.gg_prev", gg_prev_);
    ar("cg.slope_prev", slope_prev_);
    ar("cg.alpha_prev", alpha_prev_);
    ar("cg.since_restart", since_restart_);
  }

  [[nodiscard]] std::size_t restarts() const noexcept { return restarts_; }  // non-periodic ones
  [[nodiscard]] const nonlinear_cg_options& options() const noexcept { return opt_; }

 private:
  void setup(std::size_t n) {
    if (p_.size() == n && g_prev_.size() == n && xt_.size() == n) return;
    if (p_.size() != n || g_prev_.size() != n) {
      p_.assign(n, T(0));
      g_prev_.assign(n, T(0));
      reset();
    }
    xt_.assign(n, T(0));
    gt_.assign(n, T(0));
  }

  nonlinear_cg_options opt_;
  std::vector<T> p_, g_prev_, xt_, gt_;
  T gg_prev_ = T(0), slope_prev_ = T(0), alpha_prev_ = T(0);
  std::uint64_t since_restart_ = 0;
  std::size_t restarts_ = 0;
};

nonlinear_cg() -> nonlinear_cg<double>;
nonlinear_cg(nonlinear_cg_options) -> nonlinear_cg<double>;

}  // namespace descent::second_order

// The documented short names: descent::nonlinear_cg_options, descent::nonlinear_cg.
namespace descent {
using second_order::nonlinear_cg_options;
using second_order::nonlinear_cg;
}  // namespace descent

#endif
