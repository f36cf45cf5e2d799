#ifndef DESCENT_SECOND_ORDER_DETAIL_TWO_LOOP_HPP
#define DESCENT_SECOND_ORDER_DETAIL_TWO_LOOP_HPP

// L-BFGS memory and the two-loop recursion (Nocedal & Wright Alg. 7.4), shared by lbfgs and
// projected_lbfgs.  Pairs (s_i, y_i) live in a ring buffer of m rows of n values.

#include <descent/second_order/detail/vec.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace descent::second_order::detail {

template <class T>
struct lbfgs_memory {
  std::uint64_t m = 0, n = 0;
  std::uint64_t count = 0;  // pairs stored (<= m)
  std::uint64_t next = 0;   // ring slot the next pair goes to
  std::vector<T> s, y, rho, alpha;

  // Sizes the buffers on the first step; keeps state restored by serialize when it fits.
  void setup(std::size_t history, std::size_t dim) {
    m = history;
    n = dim;
    alpha.resize(m);
    if (s.size() == m * n && y.size() == m * n && rho.size() == m && count <= m &&
        (m == 0 || next < m))
      return;
    s.assign(m * n, T(0));
    y.assign(m * n, T(0));
    rho.assign(m, T(0));
    count = next = 0;
  }
  void clear() noexcept { count = next = 0; }

  std::span<T> s_row(std::uint64_t k) { return {s.data() + k * n, n}; }
  std::span<T> y_row(std::uint64_t k) { return {y.data() + k * n, n}; }

  // Stores s = x_new - x_old, y = g_new - g_old when the curvature s.y is safely positive
  // (skipped otherwise, which keeps the implicit matrix positive definite).
  bool push(std::span<const T> x_new, std::span<const T> x_old, std::span<const T> g_new,
            std::span<const T> g_old) {
    if (m == 0) return false;
    auto sr = s_row(next), yr = y_row(next);
    T sy = T(0), yy = T(0);
    for (std::size_t i = 0; i < n; ++i) {
      sr[i] = x_new[i] - x_old[i];
      yr[i] = g_new[i] - g_old[i];
      sy += sr[i] * yr[i];
      yy += yr[i] * yr[i];
    }
    if (!(sy > std::numeric_limits<T>::epsilon() * yy)) return false;
    rho[next] = T(1) / sy;
    next = (next + 1) % m;
    if (count < m) ++count;
    return true;
  }

  // d = -H g, with H_0 = gamma I, gamma = s.y / y.y of the newest pair (N&W eq. 7.20).
  // `mask` (optional, same size as g): components with mask[i] == 0 are treated as fixed
  // (their entries of q are zeroed before and after), as projected L-BFGS needs.
  void direction(std::span<const T> g, std::span<T> d, std::span<const unsigned char> mask = {}) {
    for (std::size_t i = 0; i < n; ++i) d[i] = (mask.empty() || mask[i]) ? g[i] : T(0);
    auto masked_dot = [&](std::span<T> row) {
      T v = T(0);
      for (std::size_t i = 0; i < n; ++i)
        if (mask.empty() || mask[i]) v += row[i] * d[i];
      return v;
    };
    for (std::uint64_t j = 0; j < count; ++j) {  // newest to oldest
      const std::uint64_t k = (next + m - 1 - j) % m;
      alpha[k] = rho[k] * masked_dot(s_row(k));
      axpy(-alpha[k], as_const(y_row(k)), d);
    }
    if (count > 0) {
      const std::uint64_t k = (next + m - 1) % m;
      const auto yk = y_row(k);
      const T gamma = T(1) / (rho[k] * dot(as_const(yk), as_const(yk)));
      for (std::size_t i = 0; i < n; ++i) d[i] *= gamma;
    }
    for (std::uint64_t j = count; j-- > 0;) {  // oldest to newest
      const std::uint64_t k = (next + m - 1 - j) % m;
      const T beta = rho[k] * masked_dot(y_row(k));
      axpy(alpha[k] - beta, as_const(s_row(k)), d);
    }
    for (std::size_t i = 0; i < n; ++i) d[i] = (mask.empty() || mask[i]) ? -d[i] : T(0);
  }

  template <class Archive>
  void serialize(Archive& ar) {
    ar("lbfgs.s", s);
    ar("lbfgs.y", y);
    ar("lbfgs.rho", rho);
    ar("lbfgs.count", count);
    ar("lbfgs.next", next);
  }
};

}  // namespace descent::second_order::detail

#endif
