// Objectives over data with labels: softmax regression, a mean over samples of
// logsumexp(W x + c) - (W x + c)[label], against the loss by hand, with its gradient and
// Hessian-vector products against central differences (tests/shaped/objective_support.hpp).
#include "objective_support.hpp"

using namespace objective_support;

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
