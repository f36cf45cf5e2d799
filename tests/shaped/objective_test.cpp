// Objectives over data: means over samples with per-sample vectors, scalars and labels, in
// blocks (sizes that are not multiples of the block) and on subsets of rows.  (Sums over samples,
// eval and runtime errors: objective_data_test.cpp.)
#include "objective_support.hpp"

using namespace descent::literals;
using namespace objective_support;

BOOST_AUTO_TEST_CASE(logistic_regression_mean_over_blocks) {
  constexpr auto loss = softplus(-(2_c * y - 1_c) * (dot(w, x) + b));
  for (std::size_t n : {1u, 63u, 64u, 65u, 130u, 1000u}) {
    const data_set d(n);
    const auto obj = descent::make_objective(descent::mean_over_samples(loss) + 1e-3 * sq_norm(w),
                                             descent::wrt(w, b), x = d.X, y = d.Y);
    BOOST_TEST(obj.dimension == 5u);
    BOOST_TEST(obj.samples() == n);
    const auto p = fd::random_vector(5, static_cast<unsigned>(n));
    BOOST_TEST(obj.value(std::span<const double>(p)) == logistic_by_hand(d, p, {}, 1e-3), boost::test_tools::tolerance(1e-13));
    BOOST_TEST(fd::gradient_error(obj, p) < 1e-7);
    BOOST_TEST(fd::hvp_error(obj, p, fd::random_vector(5, 3)) < 1e-6);
  }
}

BOOST_AUTO_TEST_CASE(subsets_of_rows_are_mini_batches) {
  constexpr auto loss = softplus(-(2_c * y - 1_c) * (dot(w, x) + b));
  const data_set d(200);
  const auto obj = descent::make_objective(descent::mean_over_samples(loss), descent::wrt(w, b), x = d.X, y = d.Y);
  const std::vector<std::size_t> rows{199, 3, 3, 150, 7, 64, 65, 0};
  const auto batch = obj.on(rows);
  BOOST_TEST(batch.samples() == rows.size());
  const auto p = fd::random_vector(5, 11);
  BOOST_TEST(batch.value(std::span<const double>(p)) == logistic_by_hand(d, p, rows, 0.0), boost::test_tools::tolerance(1e-13));
  BOOST_TEST(fd::gradient_error(batch, p) < 1e-7);
  // the full objective is unchanged
  BOOST_TEST(obj.value(std::span<const double>(p)) == logistic_by_hand(d, p, {}, 0.0), boost::test_tools::tolerance(1e-13));
  // a batch of all rows in order is the full objective, bit for bit
  std::vector<std::size_t> all(200);
  std::iota(all.begin(), all.end(), 0);
  std::vector<double> g1(5), g2(5);
  const double f1 = obj(std::span<const double>(p), std::span<double>(g1));
  const double f2 = obj.on(all)(std::span<const double>(p), std::span<double>(g2));
  BOOST_TEST(f1 == f2);
  for (int i = 0; i < 5; ++i) BOOST_TEST(g1[i] == g2[i]);
}

BOOST_AUTO_TEST_CASE(softmax_regression_with_labels) {
  const data_set d(150);
  constexpr auto logits = W * x + c;
  constexpr auto ce = logsumexp(logits) - logits[label];
  const auto obj = descent::make_objective(descent::mean_over_samples(ce), descent::wrt(W, c), x = d.X, label = d.labels);
  BOOST_TEST(obj.dimension == 15u);
  const auto p = fd::random_vector(15, 21);
  double total = 0;
  for (std::size_t i = 0; i < 150; ++i) {
    double z[3], m = -1e300;
    for (int r = 0; r < 3; ++r) {
      z[r] = p[12 + r];
      for (int j = 0; j < 4; ++j) z[r] += p[r * 4 + j] * d.X(i, j);
      m = std::max(m, z[r]);
    }
    total += m + std::log(std::exp(z[0] - m) + std::exp(z[1] - m) + std::exp(z[2] - m)) - z[d.labels[i]];
  }
  BOOST_TEST(obj.value(std::span<const double>(p)) == total / 150, boost::test_tools::tolerance(1e-13));
  BOOST_TEST(fd::gradient_error(obj, p) < 1e-7);
  BOOST_TEST(fd::hvp_error(obj, p, fd::random_vector(15, 4)) < 1e-6);
}
