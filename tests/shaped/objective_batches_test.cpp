// Objectives over data on subsets of rows: a mini-batch (rows repeated, in any order) against the
// loss by hand and central differences, the full objective unchanged, and a batch of all rows in
// order bit for bit the full objective (tests/shaped/objective_support.hpp).
#include <numeric>

#include "objective_support.hpp"

using namespace descent::literals;
using namespace objective_support;

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
