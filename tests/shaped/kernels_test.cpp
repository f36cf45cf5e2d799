// The evaluator's row kernel rows_dot<K> (descent/shaped/detail/gemm.hpp): o_i = x_i . w for
// rows of K entries, against a plain loop in long double, for row lengths below, at, past and
// between SIMD widths and row counts that leave partial groups; and the per-sample products
// that use it (dot(w, x), a 1 x K matrix times x, x^T times a K-vector) against each other
// and against the plain loop.
#include <descent/shaped.hpp>
#include <descent/shaped/detail/gemm.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <random>
#include <span>
#include <vector>

namespace {

std::vector<double> random_values(std::size_t n, unsigned seed) {
  std::mt19937_64 g(seed);
  std::uniform_real_distribution<double> u(-2.0, 2.0);
  std::vector<double> v(n);
  for (auto& x : v) x = u(g);
  return v;
}

template <std::size_t K>
void check_rows_dot() {
  for (std::size_t n : {0, 1, 2, 3, 7, 8, 9, 15, 17, 33, 256, 257}) {
    const auto x = random_values(n * K + 1, static_cast<unsigned>(K * 1000 + n));  // +1: rows need not end on a boundary
    const auto w = random_values(K, static_cast<unsigned>(K));
    std::vector<double> o(n + 1, -7.0);
    descent::detail::rows_dot<K>(n, x.data() + 1, w.data(), o.data());  // unaligned rows
    for (std::size_t i = 0; i < n; ++i) {
      long double s = 0;
      for (std::size_t j = 0; j < K; ++j) s += static_cast<long double>(x[1 + i * K + j]) * w[j];
      BOOST_TEST(std::abs(o[i] - static_cast<double>(s)) <= 1e-14 * K, "K = " << K << ", n = " << n << ", row " << i);
    }
    BOOST_TEST(o[n] == -7.0, "K = " << K << ", n = " << n << ": wrote past the last row");
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(rows_dot_matches_a_plain_loop) {
  check_rows_dot<1>();
  check_rows_dot<2>();
  check_rows_dot<3>();
  check_rows_dot<4>();
  check_rows_dot<5>();
  check_rows_dot<8>();
  check_rows_dot<10>();
  check_rows_dot<16>();
  check_rows_dot<30>();
  check_rows_dot<64>();
  check_rows_dot<100>();  // past 64: Eigen's matrix-vector kernel
}

BOOST_AUTO_TEST_CASE(per_sample_products_agree) {
  constexpr std::size_t n = 37, k = 10;
  constexpr descent::vec<"w", k> w;
  constexpr descent::mat<"W", 1, k> W;
  constexpr descent::vec<"x", k> x;
  const auto X = random_values(n * k, 5);
  descent::data::matrix<double> data(n, k);
  data.values = X;
  const auto theta = random_values(k, 6);
  const auto by_dot = descent::make_objective(descent::mean_over_samples(sq(dot(w, x))), descent::wrt(w), x = data);
  const auto by_matrix = descent::make_objective(descent::mean_over_samples(sum(sq(W * x))), descent::wrt(W), x = data);
  const auto by_row = descent::make_objective(descent::mean_over_samples(sum(sq(transpose(x) * w))), descent::wrt(w), x = data);
  std::vector<double> g1(k), g2(k), g3(k);
  const double f1 = by_dot(std::span<const double>(theta), std::span<double>(g1));
  const double f2 = by_matrix(std::span<const double>(theta), std::span<double>(g2));
  const double f3 = by_row(std::span<const double>(theta), std::span<double>(g3));
  long double f = 0;
  std::vector<long double> g(k, 0.0L);
  for (std::size_t i = 0; i < n; ++i) {
    long double z = 0;
    for (std::size_t j = 0; j < k; ++j) z += static_cast<long double>(X[i * k + j]) * theta[j];
    f += z * z;
    for (std::size_t j = 0; j < k; ++j) g[j] += 2 * z * X[i * k + j];
  }
  for (double fi : {f1, f2, f3}) BOOST_TEST(fi == static_cast<double>(f / n), boost::test_tools::tolerance(1e-13));
  for (std::size_t j = 0; j < k; ++j) {
    const double gj = static_cast<double>(g[j] / n);
    BOOST_TEST(g1[j] == gj, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(g2[j] == gj, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(g3[j] == gj, boost::test_tools::tolerance(1e-12));
  }
}
