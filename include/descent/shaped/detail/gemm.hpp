// descent/shaped/detail/gemm.hpp: the matrix products of the shaped evaluator, through one
// kernel.
//
//   gemm<TA, TB>(m, n, k, a, b, o, alpha, add)   o = (or +=, when add) alpha * op(a) * op(b)
//   gemv<TA>(m, k, a, x, y, alpha, add)          y = (or +=) alpha * op(a) * x
//   dot_n(n, a, b), transpose_into(r, c, a, o)
//
// o is m x n row-major; op(a) is m x k: a row-major m x k, or (TA) a row-major k x m transposed;
// op(b) is k x n likewise.  It calls Eigen's blocked matrix product (the kernel behind
// `dst.noalias() = A * B`) directly: an Eigen product expression instantiates, besides that
// kernel, a coefficient-based product for small sizes and two matrix-vector paths for one row or
// one column, chosen at run time -- about 1 s of g++ -O1 per product type, and the evaluator had
// four.  Here the shapes the evaluator knows at compile time pick the path (its callers use
// matrix-vector products for vectors), and every product shares one kernel per pair of storage
// orders: the same numbers as Eigen's product for all but the smallest sizes (below Eigen's
// EIGEN_GEMM_TO_COEFFBASED_THRESHOLD it sums coefficient by coefficient, rounding differently).
#ifndef DESCENT_SHAPED_DETAIL_GEMM_HPP
#define DESCENT_SHAPED_DETAIL_GEMM_HPP

#include <algorithm>
#include <cstddef>
#include <vector>

#include <Eigen/Core>

namespace descent::detail {

template <bool TA, bool TB>
void gemm(std::size_t m, std::size_t n, std::size_t k, const double* a, const double* b, double* o, double alpha, bool add) {
  if (!add) std::fill_n(o, m * n, 0.0);
  if (m == 0 || n == 0 || k == 0) return;
  using Eigen::Index;
  // o^T (n x m, column-major, leading dimension n) += alpha * op(b)^T * op(a)^T, as Eigen does for
  // a row-major destination.
  constexpr int lhs_order = TB ? Eigen::RowMajor : Eigen::ColMajor;  // op(b)^T, n x k
  constexpr int rhs_order = TA ? Eigen::RowMajor : Eigen::ColMajor;  // op(a)^T, k x m
  const auto M = static_cast<Index>(m), N = static_cast<Index>(n), K = static_cast<Index>(k);
  const Index ldb = TB ? K : N, lda = TA ? M : K;
  Eigen::internal::gemm_blocking_space<Eigen::ColMajor, double, double, Eigen::Dynamic, Eigen::Dynamic, Eigen::Dynamic>
      blocking(N, M, K, 1, true);
#if EIGEN_VERSION_AT_LEAST(3, 3, 90)
  Eigen::internal::general_matrix_matrix_product<Index, double, lhs_order, false, double, rhs_order, false, Eigen::ColMajor, 1>::run(
      N, M, K, b, ldb, a, lda, o, 1, N, alpha, blocking, nullptr);
#else
  Eigen::internal::general_matrix_matrix_product<Index, double, lhs_order, false, double, rhs_order, false, Eigen::ColMajor>::run(
      N, M, K, b, ldb, a, lda, o, N, alpha, blocking, nullptr);
#endif
}

// y (m) = (or += when add) alpha * op(a) * x: a row-major m x k, or (TA) a row-major k x m
// transposed; x has k entries.  Eigen's matrix-vector kernel, called as `y.noalias() = A * x`
// calls it (without that expression's dispatch, instantiated per product type).
template <bool TA>
void gemv(std::size_t m, std::size_t k, const double* a, const double* x, double* y, double alpha, bool add) {
  if (!add) std::fill_n(y, m, 0.0);
  if (m == 0 || k == 0) return;
  using Eigen::Index;
  constexpr int order = TA ? Eigen::ColMajor : Eigen::RowMajor;
  using lhs_mapper = Eigen::internal::const_blas_data_mapper<double, Index, order>;
  using rhs_mapper = Eigen::internal::const_blas_data_mapper<double, Index, Eigen::ColMajor>;
  const auto M = static_cast<Index>(m), K = static_cast<Index>(k);
  Eigen::internal::general_matrix_vector_product<Index, double, lhs_mapper, order, false, double, rhs_mapper, false>::run(
      M, K, lhs_mapper(a, TA ? M : K), rhs_mapper(x, 1), y, 1, alpha);
}

// o_i = x_i . w for n rows x_i of K entries (row-major), K known at compile time: the products
// of SIMD-width rows are transposed in registers and added, one store per SIMD-width rows,
// instead of a horizontal sum per row as Eigen's row-major matrix-vector kernel does.  Measured
// (g++ 12 -O3 -march=native, 40 blocks of 256 rows x 8): 7.1 us against 11.9 us for Eigen's
// kernel with AVX-512, 6.5 against 10.3 with AVX2 (W2's X w, W3's, W6's and L-BFGS's).
// Rows with fewer entries than a SIMD register take the Eigen product, rows of more than 64
// Eigen's matrix-vector kernel.
template <std::size_t K>
void rows_dot(std::size_t n, const double* x, const double* w, double* o) {
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wignored-attributes"  // Eigen's packets as template arguments
#endif
  namespace ei = Eigen::internal;
  using P = typename ei::packet_traits<double>::type;
  constexpr std::size_t ps = static_cast<std::size_t>(ei::unpacket_traits<P>::size);
  if constexpr (K > 64) {
    gemv<false>(n, K, x, w, o, 1.0, false);
  } else if constexpr (K < ps || ps == 1) {
    using Rows = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, int(K), (K == 1 ? Eigen::ColMajor : Eigen::RowMajor)>>;
    const auto N = static_cast<Eigen::Index>(n);
    Eigen::Map<Eigen::VectorXd>(o, N).noalias() = Rows(x, N, int(K)) * Eigen::Map<const Eigen::Matrix<double, int(K), 1>>(w);
  } else {
    constexpr std::size_t full = K / ps;  // whole packets per row; the rest entry by entry
    P wv[full];
    for (std::size_t c = 0; c < full; ++c) wv[c] = ei::ploadu<P>(w + c * ps);
    const auto row = [&](const double* xr) {
      P s = ei::pmul(ei::ploadu<P>(xr), wv[0]);
      for (std::size_t c = 1; c < full; ++c) s = ei::pmadd(ei::ploadu<P>(xr + c * ps), wv[c], s);
      return s;
    };
    const auto rest = [&](const double* xr) {
      double s = 0;
      for (std::size_t c = full * ps; c < K; ++c) s += xr[c] * w[c];
      return s;
    };
    std::size_t i = 0;
    for (; i + ps <= n; i += ps) {
      ei::PacketBlock<P, int(ps)> b;
      for (std::size_t r = 0; r < ps; ++r) b.packet[r] = row(x + (i + r) * K);
      ei::ptranspose(b);
      P s = b.packet[0];
      for (std::size_t r = 1; r < ps; ++r) s = ei::padd(s, b.packet[r]);
      ei::pstoreu(o + i, s);
      if constexpr (K % ps != 0)
        for (std::size_t r = 0; r < ps; ++r) o[i + r] += rest(x + (i + r) * K);
    }
    for (; i < n; ++i) o[i] = ei::predux(row(x + i * K)) + rest(x + i * K);
  }
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
}

// sum_i a_i b_i over n entries (Eigen's vectorized dot product).  A template, like the rest of
// this file, so that nothing is instantiated where it is not called.
template <class = void>
double dot_n(std::size_t n, const double* a, const double* b) {
  using V = Eigen::Map<const Eigen::VectorXd>;
  return V(a, static_cast<Eigen::Index>(n)).dot(V(b, static_cast<Eigen::Index>(n)));
}

// o (c x r, row-major) = the transpose of a (r x c, row-major).
template <class = void>
void transpose_into(std::size_t r, std::size_t c, const double* a, double* o) {
  using M = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  const auto R = static_cast<Eigen::Index>(r), C = static_cast<Eigen::Index>(c);
  Eigen::Map<M>(o, C, R).noalias() = Eigen::Map<const M>(a, R, C).transpose();
}

// A buffer of at least n doubles for the calling thread (kept between calls: allocated once).
inline double* thread_scratch(std::size_t n) {
  thread_local std::vector<double> buf;
  if (buf.size() < n) buf.resize(n);
  return buf.data();
}

}  // namespace descent::detail

#endif
