#ifndef DESCENT_SEARCH_STRONG_WOLFE_HPP
#define DESCENT_SEARCH_STRONG_WOLFE_HPP

// Line search for the strong Wolfe conditions
//   phi(alpha)      <= phi(0) + c1 * alpha * phi'(0)     (sufficient decrease)
//   |phi'(alpha)|   <= c2 * |phi'(0)|                    (curvature)
// Nocedal & Wright, Numerical Optimization, 2nd ed., Alg. 3.5 (bracketing) and 3.6 (zoom),
// with the cubic interpolation of eq. 3.59 safeguarded to the middle 80 % of the bracket.
// Defaults c1 = 1e-4, c2 = 0.9 suit quasi-Newton methods; nonlinear CG uses c2 = 0.1.
// The returned step is always the last point phi was evaluated at when the search succeeds,
// so a caller that kept the gradient of that evaluation need not evaluate again.

#include <descent/search/detail/cubic.hpp>
#include <descent/search/result.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace descent::search {

// Configuration by designated initializers: `search::strong_wolfe{.c2 = 0.1}`.
struct strong_wolfe {
  double c1 = 1e-4;                  // sufficient decrease, 0 < c1 < c2 < 1
  double c2 = 0.9;                   // curvature
  double max_step = 1e10;            // alpha_max of Alg. 3.5
  double expand = 2.0;               // bracketing phase: next trial = expand * alpha
  std::size_t max_evaluations = 50;  // calls of phi, bracketing and zoom together

  template <class T, line_function<T> Phi>
  [[nodiscard]] result<T> operator()(Phi&& phi, T phi0, T dphi0, T alpha0) const {
    if (!std::isfinite(phi0) || !std::isfinite(dphi0))
      return {T(0), phi0, dphi0, 0, search_status::not_finite,
              "strong Wolfe line search: phi(0) or phi'(0) is not finite"};
    if (!(dphi0 < T(0)))
      return {T(0), phi0, dphi0, 0, search_status::not_descent,
              "strong Wolfe line search: the direction is not a descent direction "
              "(phi'(0) >= 0)"};
    state<T> s{phi0, dphi0, 0};
    T prev = T(0), f_prev = phi0, d_prev = dphi0;
    T alpha = std::min(alpha0, T(max_step));
    for (bool first = true;; first = false) {
      if (s.evaluations == max_evaluations)
        return fail(s, prev, f_prev, d_prev, search_status::max_evaluations);
      const trial<T> t = phi(alpha);
      ++s.evaluations;
      if (!finite(t) || t.value > phi0 + T(c1) * alpha * dphi0 || (!first && t.value >= f_prev))
        return zoom(phi, s, prev, f_prev, d_prev, alpha, t.value, t.derivative);
      if (std::abs(t.derivative) <= -T(c2) * dphi0)
        return {alpha, t.value, t.derivative, s.evaluations, search_status::success, ""};
      if (t.derivative >= T(0))
        return zoom(phi, s, alpha, t.value, t.derivative, prev, f_prev, d_prev);
      if (alpha >= T(max_step))
        return fail(s, alpha, t.value, t.derivative, search_status::max_step);
      prev = alpha;
      f_prev = t.value;
      d_prev = t.derivative;
      alpha = std::min(T(max_step), alpha * T(expand));
    }
  }

 private:
  template <class T>
  struct state {
    T phi0, dphi0;
    std::size_t evaluations;
  };

  template <class T>
  static bool finite(const trial<T>& t) {
    return std::isfinite(t.value) && std::isfinite(t.derivative);
  }

  // Best point with sufficient decrease seen so far (alpha = 0 when none), flagged failed.
  template <class T>
  static result<T> fail(const state<T>& s, T alpha, T value, T derivative, search_status why) {
    const char* msg = "";
    switch (why) {
      case search_status::max_evaluations:
        msg = "strong Wolfe line search: no step satisfied both conditions within "
              "max_evaluations";
        break;
      case search_status::max_step:
        msg = "strong Wolfe line search: phi still decreasing steeply at max_step "
              "(unbounded below along this direction?)";
        break;
      default:
        msg = "strong Wolfe line search: the bracket shrank to rounding level without a step "
              "satisfying the curvature condition";
        break;
    }
    return {alpha, value, derivative, s.evaluations, why, msg};
  }

  // Alg. 3.6: [lo, hi] (either order) contains steps satisfying the strong Wolfe conditions;
  // lo has the lowest phi among the trials with sufficient decrease.
  template <class T, class Phi>
  result<T> zoom(Phi& phi, state<T>& s, T lo, T f_lo, T d_lo, T hi, T f_hi, T d_hi) const {
    const T eps = std::numeric_limits<T>::epsilon();
    for (;;) {
      if (s.evaluations >= max_evaluations)
        return fail(s, lo, f_lo, d_lo, search_status::max_evaluations);
      const T width = hi - lo;
      if (std::abs(width) <= T(4) * eps * std::max(std::abs(lo), std::abs(hi)))
        return fail(s, lo, f_lo, d_lo, search_status::interval_too_small);
      T alpha = std::numeric_limits<T>::quiet_NaN();
      if (std::isfinite(f_hi) && std::isfinite(d_hi))
        alpha = detail::cubic_minimizer(lo, f_lo, d_lo, hi, f_hi, d_hi);
      const T a_min = std::min(lo, hi) + T(0.1) * std::abs(width);
      const T a_max = std::max(lo, hi) - T(0.1) * std::abs(width);
      if (!(alpha >= a_min && alpha <= a_max)) alpha = lo + T(0.5) * width;
      const trial<T> t = phi(alpha);
      ++s.evaluations;
      // Near a minimiser phi changes by less than its rounding error; then "higher than
      // phi(lo)" means nothing and phi' decides which end to keep (as in Hager & Zhang).
      const bool level = std::abs(t.value - f_lo) <= T(16) * eps * std::abs(f_lo);
      if (!finite(t) || t.value > s.phi0 + T(c1) * alpha * s.dphi0 ||
          (t.value >= f_lo && !level)) {
        hi = alpha;
        f_hi = t.value;
        d_hi = t.derivative;
      } else {
        if (std::abs(t.derivative) <= -T(c2) * s.dphi0)
          return {alpha, t.value, t.derivative, s.evaluations, search_status::success, ""};
        if (t.derivative * (hi - lo) >= T(0)) {
          hi = lo;
          f_hi = f_lo;
          d_hi = d_lo;
        }
        lo = alpha;
        f_lo = t.value;
        d_lo = t.derivative;
      }
    }
  }
};

}  // namespace descent::search

#endif
