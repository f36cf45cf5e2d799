// tanh over an array of doubles, vectorised.  Eigen 3.4 vectorises exp and log of doubles but
// not tanh (a scalar libm call per entry, which was a third of the instructions of an MLP's
// training epoch); glibc 2.35 and later ship vector variants in libmvec (_ZGV*_tanh, at most
// 4 ulp from the correctly rounded result, as glibc documents for libmvec).  The descent::descent
// CMake target defines DESCENT_LIBMVEC and links libmvec when the platform has it; elsewhere
// this is std::tanh entry by entry.  Every entry goes through the same function, the last
// partial vector included, so a value does not depend on where in a block it sits.
#ifndef DESCENT_SHAPED_DETAIL_VECTOR_MATH_HPP
#define DESCENT_SHAPED_DETAIL_VECTOR_MATH_HPP

#include <cmath>
#include <cstddef>

#if defined(DESCENT_LIBMVEC) && defined(__x86_64__) && defined(__GLIBC__)
#include <immintrin.h>
#define DESCENT_DETAIL_VECTOR_TANH 1
extern "C" {
#if defined(__AVX512F__)
__m512d _ZGVeN8v_tanh(__m512d);
#elif defined(__AVX2__)
__m256d _ZGVdN4v_tanh(__m256d);
#else
__m128d _ZGVbN2v_tanh(__m128d);
#endif
}
#endif

namespace descent::detail {

#if defined(DESCENT_DETAIL_VECTOR_TANH)
inline constexpr bool vector_tanh_available = true;
#if defined(__AVX512F__)
inline constexpr std::size_t tanh_lanes = 8;
inline void tanh_lanes_at(const double* in, double* out) { _mm512_storeu_pd(out, _ZGVeN8v_tanh(_mm512_loadu_pd(in))); }
#elif defined(__AVX2__)
inline constexpr std::size_t tanh_lanes = 4;
inline void tanh_lanes_at(const double* in, double* out) { _mm256_storeu_pd(out, _ZGVdN4v_tanh(_mm256_loadu_pd(in))); }
#else
inline constexpr std::size_t tanh_lanes = 2;
inline void tanh_lanes_at(const double* in, double* out) { _mm_storeu_pd(out, _ZGVbN2v_tanh(_mm_loadu_pd(in))); }
#endif
// out[i] = tanh(in[i]) for i < n; in and out may be the same array.
inline void tanh_array(const double* in, double* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + tanh_lanes <= n; i += tanh_lanes) tanh_lanes_at(in + i, out + i);
  if (i < n) {
    double t[tanh_lanes] = {};
    for (std::size_t j = 0; i + j < n; ++j) t[j] = in[i + j];
    tanh_lanes_at(t, t);
    for (std::size_t j = 0; i + j < n; ++j) out[i + j] = t[j];
  }
}
#else
inline constexpr bool vector_tanh_available = false;
inline void tanh_array(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = std::tanh(in[i]);
}
#endif

}  // namespace descent::detail

#endif
