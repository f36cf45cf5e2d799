// descent/problem/objective.hpp: what the training loop and every method minimise.
//
// An objective is anything callable as `f(x, g)` that returns f(x) and writes the gradient
// into g (g.size() == x.size()).  Plain lambdas qualify; so do the objects built from
// expressions by `descent/objectives.hpp` (gradient and Hessian generated
// at compile time).  Richer objectives add an exact Hessian or a least-squares structure,
// which second-order methods (Newton, Gauss-Newton, Levenberg-Marquardt) require.
#ifndef DESCENT_PROBLEM_OBJECTIVE_HPP
#define DESCENT_PROBLEM_OBJECTIVE_HPP

#include <concepts>
#include <cstddef>
#include <span>

namespace descent {

/// f(x, g) returns f(x) and writes grad f(x) into g.  T is double or float.
template <class F, class T>
concept objective = requires(F& f, std::span<const T> x, std::span<T> g) {
  { f(x, g) } -> std::convertible_to<T>;
};

/// An objective that also gives the exact Hessian: f.hessian(x, h) fills h, row-major n*n,
/// both triangles.
template <class F, class T>
concept hessian_objective = objective<F, T> &&
  requires(F& f, std::span<const T> x, std::span<T> h) { f.hessian(x, h); };

/// Least squares: f(x) = 1/2 * sum_i r_i(x)^2 with m = f.num_residuals() residuals;
/// residuals_and_jacobian writes r (size m) and J (row-major m*n).
template <class F, class T>
concept least_squares_objective = objective<F, T> &&
  requires(F& f, std::span<const T> x, std::span<T> r, std::span<T> j) {
    { f.num_residuals() } -> std::convertible_to<std::size_t>;
    f.residuals(x, r);
    f.residuals_and_jacobian(x, r, j);
  };

}  // namespace descent

#endif  // DESCENT_PROBLEM_OBJECTIVE_HPP
