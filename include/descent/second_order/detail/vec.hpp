#ifndef DESCENT_SECOND_ORDER_DETAIL_VEC_HPP
#define DESCENT_SECOND_ORDER_DETAIL_VEC_HPP

// The few vector kernels the methods need, on spans (no allocation).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>

namespace descent::second_order::detail {

template <class T>
T dot(std::span<const T> a, std::span<const T> b) noexcept {
  T s = T(0);
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}
template <class T>
T dot(std::span<T> a, std::span<T> b) noexcept {
  return dot(std::span<const T>(a), std::span<const T>(b));
}
template <class T>
T norm_inf(std::span<const T> a) noexcept {
  T m = T(0);
  for (T v : a) m = std::max(m, std::abs(v));
  return m;
}
template <class T>
void copy(std::span<const T> from, std::span<T> to) noexcept {
  std::copy(from.begin(), from.end(), to.begin());
}
// y += a * x
template <class T>
void axpy(T a, std::span<const T> x, std::span<T> y) noexcept {
  for (std::size_t i = 0; i < x.size(); ++i) y[i] += a * x[i];
}
template <class T>
std::span<const T> as_const(std::span<T> s) noexcept {
  return {s.data(), s.size()};
}

}  // namespace descent::second_order::detail

#endif
