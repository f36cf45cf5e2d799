#ifndef DESCENT_SECOND_ORDER_DETAIL_LEAST_SQUARES_HPP
#define DESCENT_SECOND_ORDER_DETAIL_LEAST_SQUARES_HPP

// Normal equations of a least-squares problem: A = J^T J (n*n), b = J^T r (the gradient of
// 1/2 |r|^2), J row-major m*n.

#include <cstddef>
#include <span>

namespace descent::second_order::detail {

template <class T>
void normal_equations(std::span<const T> j, std::span<const T> r, std::size_t m, std::size_t n,
                      std::span<T> jtj, std::span<T> jtr) noexcept {
  for (std::size_t a = 0; a < n * n; ++a) jtj[a] = T(0);
  for (std::size_t a = 0; a < n; ++a) jtr[a] = T(0);
  for (std::size_t i = 0; i < m; ++i) {
    const T* row = j.data() + i * n;
    for (std::size_t a = 0; a < n; ++a) {
      jtr[a] += row[a] * r[i];
      for (std::size_t b = 0; b <= a; ++b) jtj[a * n + b] += row[a] * row[b];
    }
  }
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = a + 1; b < n; ++b) jtj[a * n + b] = jtj[b * n + a];
}

template <class T>
T half_squared_norm(std::span<const T> r) noexcept {
  T s = T(0);
  for (T v : r) s += v * v;
  return s / T(2);
}

}  // namespace descent::second_order::detail

#endif
