#ifndef DESCENT_SEARCH_ARMIJO_HPP
#define DESCENT_SEARCH_ARMIJO_HPP

// Backtracking line search for the Armijo (sufficient decrease) condition
//   phi(alpha) <= phi(0) + c1 * alpha * phi'(0)
// (Nocedal & Wright, Numerical Optimization, 2nd ed., Alg. 3.1, with the safeguarded
// quadratic interpolation of section 3.5).  Enough for Newton and Gauss-Newton, whose unit
// step is usually right; quasi-Newton and CG want strong_wolfe (curvature condition too).

#include <descent/search/result.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace descent::search {

// Configuration by designated initializers: `search::armijo{.c1 = 1e-3}`.
struct armijo {
  double c1 = 1e-4;                 // sufficient-decrease constant, 0 < c1 < 1
  double shrink_min = 0.1;          // next step >= shrink_min * step  (safeguards the
  double shrink_max = 0.5;          // next step <= shrink_max * step   interpolation)
  std::size_t max_evaluations = 60;

  // Searches from alpha0 > 0 downwards.  phi0 = phi(0), dphi0 = phi'(0).
  template <class T, line_function<T> Phi>
  [[nodiscard]] result<T> operator()(Phi&& phi, T phi0, T dphi0, T alpha0) const {
    if (!std::isfinite(phi0) || !std::isfinite(dphi0))
      return {T(0), phi0, dphi0, 0, search_status::not_finite,
              "Armijo line search: phi(0) or phi'(0) is not finite"};
    if (!(dphi0 < T(0)))
      return {T(0), phi0, dphi0, 0, search_status::not_descent,
              "Armijo line search: the direction is not a descent direction (phi'(0) >= 0)"};
    T alpha = alpha0;
    for (std::size_t k = 1; k <= max_evaluations; ++k) {
      const trial<T> t = phi(alpha);
      if (std::isfinite(t.value) && t.value <= phi0 + T(c1) * alpha * dphi0)
        return {alpha, t.value, t.derivative, k, search_status::success, ""};
      // Minimiser of the quadratic through phi(0), phi'(0), phi(alpha), kept inside
      // [shrink_min, shrink_max] * alpha (plain halving when phi(alpha) is not finite).
      T next = T(shrink_max) * alpha;
      if (std::isfinite(t.value)) {
        const T denom = T(2) * (t.value - phi0 - dphi0 * alpha);
        if (denom > T(0)) next = -dphi0 * alpha * alpha / denom;
        next = std::clamp(next, T(shrink_min) * alpha, T(shrink_max) * alpha);
      }
      if (!(next > T(0)) || next == alpha)
        return {T(0), phi0, dphi0, k, search_status::interval_too_small,
                "Armijo line search: the step shrank to zero without sufficient decrease"};
      alpha = next;
    }
    return {T(0), phi0, dphi0, max_evaluations, search_status::max_evaluations,
            "Armijo line search: no step with sufficient decrease within max_evaluations"};
  }
};

}  // namespace descent::search

#endif
