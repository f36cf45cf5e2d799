// The hand-written SIMD rows' tanh: glibc's libmvec vector tanh where the build found libmvec
// (DESCENT_LIBMVEC, set by the descent::descent target; the library descent's evaluator calls
// too), std::tanh per entry otherwise.  Eigen 3.4's .tanh() of doubles is a scalar libm call
// per entry, so a "vectorised" hand-written MLP that used it spent most of its time in scalar
// tanh: with it, W4's handwritten_simd row was 6x slower than descent's, a comparison of tanh
// implementations rather than of gradient code.
#ifndef DESCENT_BENCH_VECTOR_TANH_HPP
#define DESCENT_BENCH_VECTOR_TANH_HPP

#include <cmath>
#include <cstddef>

#if defined(DESCENT_LIBMVEC) && defined(__x86_64__) && defined(__AVX512F__)
#include <immintrin.h>
extern "C" __m512d _ZGVeN8v_tanh(__m512d);
#define DESCENT_BENCH_TANH_LANES 8
#elif defined(DESCENT_LIBMVEC) && defined(__x86_64__) && defined(__AVX2__)
#include <immintrin.h>
extern "C" __m256d _ZGVdN4v_tanh(__m256d);
#define DESCENT_BENCH_TANH_LANES 4
#endif

namespace bench {

// p[i] = tanh(p[i]) for i < n.
inline void tanh_in_place(double* p, std::size_t n) {
  std::size_t i = 0;
#if DESCENT_BENCH_TANH_LANES == 8
  for (; i + 8 <= n; i += 8) _mm512_storeu_pd(p + i, _ZGVeN8v_tanh(_mm512_loadu_pd(p + i)));
#elif DESCENT_BENCH_TANH_LANES == 4
  for (; i + 4 <= n; i += 4) _mm256_storeu_pd(p + i, _ZGVdN4v_tanh(_mm256_loadu_pd(p + i)));
#endif
  for (; i < n; ++i) p[i] = std::tanh(p[i]);
}

}  // namespace bench

#endif
