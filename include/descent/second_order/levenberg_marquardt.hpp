#ifndef DESCENT_SECOND_ORDER_LEVENBERG_MARQUARDT_HPP
#define DESCENT_SECOND_ORDER_LEVENBERG_MARQUARDT_HPP

// Levenberg-Marquardt for f(x) = 1/2 |r(x)|^2 (descent::least_squares_objective), with the
// damping update of Madsen, Nielsen & Tingleff, "Methods for non-linear least squares
// problems" (2004), Alg. 3.16:
//   (J^T J + mu I) h = -g,  g = J^T r;   mu_0 = tau * max_i (J^T J)_ii
//   rho = (f(x) - f(x + h)) / (1/2 h.(mu h - g))      (actual / predicted decrease)
//   rho > 0: accept, mu *= max(1/3, 1 - (2 rho - 1)^3), nu = 2
//   else:    reject, mu *= nu, nu *= 2                 (and solve again)
// One step() is one accepted step: it may solve and evaluate r several times.  The Jacobian
// at the accepted point is kept for the next step (no re-evaluation while x is unchanged).

#include <descent/second_order/cholesky.hpp>
#include <descent/second_order/detail/least_squares.hpp>
#include <descent/second_order/detail/vec.hpp>
#include <descent/problem/method.hpp>
#include <descent/problem/objective.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace descent::second_order {

struct levenberg_marquardt_options {
  double tau = 1e-3;               // initial damping relative to max diag(J^T J)
  std::size_t max_rejections = 40; // rejected trial steps per step() before it fails
};

// Usage: `descent::second_order::levenberg_marquardt({.tau = 1e-6})`; `<float>` for float.
template <class T = double>
class levenberg_marquardt {
 public:
  explicit levenberg_marquardt(levenberg_marquardt_options options = {}) : opt_(options) {}

  template <class F>
  step_report step(F& f, std::span<T> x, T& loss, std::span<T> g) {
    static_assert(least_squares_objective<F, T>,
                  "descent::second_order::levenberg_marquardt needs a least-squares objective: "
                  "num_residuals(), residuals(x, r) and residuals_and_jacobian(x, r, J), e.g. "
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
    std::size_t evals = 0;
    if (!std::equal(x.begin(), x.end(), x_j_.begin()) || !have_j_) {  // J of this x
      f.residuals_and_jacobian(d::as_const(x), std::span<T>(r_), std::span<T>(j_));
      ++evals;
      std::copy(x.begin(), x.end(), x_j_.begin());
      have_j_ = true;
    }
    d::normal_equations(std::span<const T>(j_), std::span<const T>(r_), m, n, std::span<T>(a_),
                        std::span<T>(jtr_));
    if (d::norm_inf(std::span<const T>(jtr_)) == T(0))
      return {evals, method_status::converged, "Levenberg-Marquardt: the gradient is exactly zero"};
    if (!(mu_ > T(0))) {
      T max_diag = T(0);
      for (std::size_t i = 0; i < n; ++i) max_diag = std::max(max_diag, a_[i * n + i]);
      mu_ = T(opt_.tau) * (max_diag > T(0) ? max_diag : T(1));
      nu_ = T(2);
    }
    const T f0 = d::half_squared_norm(std::span<const T>(r_));
    for (std::size_t k = 0; k <= opt_.max_rejections; ++k) {
      if (!second_order::cholesky_factor(std::span<const T>(a_), n, std::span<T>(l_), mu_)) {
        mu_ *= nu_;
        nu_ *= T(2);
        continue;
      }
      for (std::size_t i = 0; i < n; ++i) h_[i] = -jtr_[i];
      second_order::cholesky_solve(std::span<const T>(l_), n, std::span<const T>(h_),
                                   std::span<T>(h_));
      for (std::size_t i = 0; i < n; ++i) xt_[i] = x[i] + h_[i];
      f.residuals(std::span<const T>(xt_), std::span<T>(rt_));
      ++evals;
      const T f1 = d::half_squared_norm(std::span<const T>(rt_));
      T predicted = T(0);
      for (std::size_t i = 0; i < n; ++i) predicted += h_[i] * (mu_ * h_[i] - jtr_[i]);
      predicted /= T(2);
      const T rho = (f0 - f1) / predicted;
      if (std::isfinite(f1) && predicted > T(0) && rho > T(0)) {
        std::copy(xt_.begin(), xt_.end(), x.begin());
        f.residuals_and_jacobian(d::as_const(x), std::span<T>(r_), std::span<T>(j_));
        ++evals;
        std::copy(x.begin(), x.end(), x_j_.begin());
        for (std::size_t c = 0; c < n; ++c) g[c] = T(0);
        for (std::size_t i = 0; i < m; ++i)
          for (std::size_t c = 0; c < n; ++c) g[c] += j_[i * n + c] * r_[i];
        loss = d::half_squared_norm(std::span<const T>(r_));
        const T t = T(2) * rho - T(1);
        mu_ *= std::max(T(1) / T(3), T(1) - t * t * t);
        nu_ = T(2);
        return {evals, method_status::running, nullptr};
      }
      const T step_size = d::norm_inf(std::span<const T>(h_));
      const T x_size = d::norm_inf(d::as_const(x));
      if (step_size <= std::numeric_limits<T>::epsilon() * (x_size + T(1)))
        return {evals, method_status::converged,
                "Levenberg-Marquardt: the step is below rounding level"};
      mu_ *= nu_;
      nu_ *= T(2);
    }
    return {evals, method_status::failed,
            "Levenberg-Marquardt: no decrease within max_rejections damping increases"};
  }

 public:

  // Forget the damping (mu is re-initialised from J^T J on the next step).
  void reset() noexcept {
    mu_ = T(0);
    nu_ = T(2);
    have_j_ = false;
  }
  template <class Archive>
  void serialize(Archive& ar) {
    ar("lm.mu", mu_);
    ar("lm.nu", nu_);
  }

  [[nodiscard]] T damping() const noexcept { return mu_; }
  [[nodiscard]] const levenberg_marquardt_options& options() const noexcept { return opt_; }

 private:
  void setup(std::size_t m, std::size_t n) {
    if (r_.size() == m && h_.size() == n) return;
    r_.assign(m, T(0));
    rt_.assign(m, T(0));
    j_.assign(m * n, T(0));
    a_.assign(n * n, T(0));
    l_.assign(n * n, T(0));
    jtr_.assign(n, T(0));
    h_.assign(n, T(0));
    xt_.assign(n, T(0));
    x_j_.assign(n, T(0));
    have_j_ = false;
  }

  levenberg_marquardt_options opt_;
  std::vector<T> r_, rt_, j_, a_, l_, jtr_, h_, xt_, x_j_;
  T mu_ = T(0), nu_ = T(2);
  bool have_j_ = false;
};

levenberg_marquardt() -> levenberg_marquardt<double>;
levenberg_marquardt(levenberg_marquardt_options) -> levenberg_marquardt<double>;

}  // namespace descent::second_order

// The documented short names: descent::levenberg_marquardt_options, descent::levenberg_marquardt.
namespace descent {
using second_order::levenberg_marquardt_options;
using second_order::levenberg_marquardt;
}  // namespace descent

#endif
