// descent/core/norm.hpp: the Euclidean norm of a vector, the one used by the training loop
// (gradient norms, stopping rules) and by the second-order methods.
#ifndef DESCENT_CORE_NORM_HPP
#define DESCENT_CORE_NORM_HPP

#include <cmath>
#include <cstddef>
#include <span>

namespace descent::detail {

/// Euclidean norm, accumulated in double (a float vector's norm does not overflow where its
/// entries do not); NaN/Inf entries make it non-finite.  Four independent partial sums:
/// one dependent chain of additions would make this pass latency-bound (~4 cycles per
/// element), slower than the optimizer step itself.
template <class T>
double norm2(std::span<const T> g) noexcept {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  const std::size_t n = g.size(), m = n - n % 4;
  const T* p = g.data();
  for (std::size_t i = 0; i < m; i += 4) {
    const double a = p[i], b = p[i + 1], c = p[i + 2], d = p[i + 3];
    s0 += a * a;
    s1 += b * b;
    s2 += c * c;
    s3 += d * d;
  }
  for (std::size_t i = m; i < n; ++i) s0 += static_cast<double>(p[i]) * static_cast<double>(p[i]);
  return std::sqrt((s0 + s1) + (s2 + s3));
}

}  // namespace descent::detail

#endif
