#ifndef DESCENT_SECOND_ORDER_CHOLESKY_HPP
#define DESCENT_SECOND_ORDER_CHOLESKY_HPP

// Dense Cholesky for the small symmetric systems of Newton, Gauss-Newton and
// Levenberg-Marquardt: A = L L^T with A and L row-major n*n spans owned by the caller, so
// nothing allocates.  cholesky_with_added_identity is Nocedal & Wright's Alg. 3.3: factor
// A + tau I with tau increased until the factorisation succeeds, which turns an indefinite
// Hessian into a positive definite one close to it (and the Newton step into a descent step).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <stdexcept>

namespace descent::second_order {

// Factor A + shift*I (only the lower triangle of A is read) into L (lower triangle written,
// upper set to 0).  Returns false, with L unspecified, when the matrix is not numerically
// positive definite.  l may be the same storage as a.
template <class T>
[[nodiscard]] bool cholesky_factor(std::span<const T> a, std::size_t n, std::span<T> l,
                                   T shift = T(0)) {
  if (a.size() != n * n || l.size() != n * n)
    throw std::invalid_argument("descent::second_order::cholesky_factor: a and l must hold n*n");
  for (std::size_t j = 0; j < n; ++j) {
    T diag = a[j * n + j] + shift;
    for (std::size_t k = 0; k < j; ++k) diag -= l[j * n + k] * l[j * n + k];
    if (!(diag > T(0)) || !std::isfinite(diag)) return false;
    const T ljj = std::sqrt(diag);
    l[j * n + j] = ljj;
    for (std::size_t i = j + 1; i < n; ++i) {
      T v = a[i * n + j];
      for (std::size_t k = 0; k < j; ++k) v -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = v / ljj;
    }
    for (std::size_t i = 0; i < j; ++i) l[i * n + j] = T(0);  // upper triangle
  }
  return true;
}

// Solve L L^T x = b given the factor from cholesky_factor.  x may be the same storage as b.
template <class T>
void cholesky_solve(std::span<const T> l, std::size_t n, std::span<const T> b, std::span<T> x) {
  if (l.size() != n * n || b.size() != n || x.size() != n)
    throw std::invalid_argument("descent::second_order::cholesky_solve: sizes must be n*n, n, n");
  for (std::size_t i = 0; i < n; ++i) {  // L y = b
    T v = b[i];
    for (std::size_t k = 0; k < i; ++k) v -= l[i * n + k] * x[k];
    x[i] = v / l[i * n + i];
  }
  for (std::size_t i = n; i-- > 0;) {  // L^T x = y
    T v = x[i];
    for (std::size_t k = i + 1; k < n; ++k) v -= l[k * n + i] * x[k];
    x[i] = v / l[i * n + i];
  }
}

template <class T>
struct shifted_cholesky {
  bool ok;               // false: no tau up to the limit made A + tau I positive definite
  T tau;                 // the multiple of the identity that was added (0: A itself)
  std::size_t attempts;  // factorisations tried
};

// N&W Alg. 3.3.  beta is relative to the largest |a_ii| (at least 1), so the first shift
// is scale-aware: tau_0 = 0 if min a_ii > 0, else -min a_ii + beta'; then tau = max(2 tau, beta').
template <class T>
[[nodiscard]] shifted_cholesky<T> cholesky_with_added_identity(std::span<const T> a,
                                                               std::size_t n, std::span<T> l,
                                                               T beta = T(1e-3),
                                                               std::size_t max_attempts = 80) {
  if (a.size() != n * n || l.size() != n * n)
    throw std::invalid_argument(
        "descent::second_order::cholesky_with_added_identity: a and l must hold n*n");
  T min_diag = n ? a[0] : T(0), max_abs = T(1);
  for (std::size_t i = 0; i < n; ++i) {
    min_diag = std::min(min_diag, a[i * n + i]);
    max_abs = std::max(max_abs, std::abs(a[i * n + i]));
  }
  const T b = beta * max_abs;
  T tau = min_diag > T(0) ? T(0) : -min_diag + b;
  for (std::size_t k = 1; k <= max_attempts; ++k) {
    if (cholesky_factor(a, n, l, tau)) return {true, tau, k};
    tau = std::max(T(2) * tau, b);
  }
  return {false, tau, max_attempts};
}

}  // namespace descent::second_order

#endif
