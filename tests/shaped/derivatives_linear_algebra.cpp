// Reductions and slices: gradients and Hessian-vector products against central differences
// (tests/shaped/linear_algebra_support.hpp).  The softmax family is in derivatives_softmax.cpp:
// split so that no test TU takes more than about 10 s of g++.
#include "linear_algebra_support.hpp"

using namespace descent::literals;
using namespace linear_algebra;

BOOST_AUTO_TEST_CASE(reductions) {
  check(descent::make_objective(sum(exp(x)) + mean(sq(x)), descent::wrt(x)), 10);
  check(descent::make_objective(norm(x) + sq_norm(y), descent::wrt(x, y)), 11);
  check(descent::make_objective(l1_norm(x), descent::wrt(x)), 12);
  check(descent::make_objective(sq(dot(x, x)) * sum(y), descent::wrt(x, y)), 13);
}

BOOST_AUTO_TEST_CASE(slices) {
  // the n-D Rosenbrock in one line
  constexpr auto rosenbrock = sum(100_c * sq(tail<5>(z) - sq(head<5>(z))) + sq(1_c - head<5>(z)));
  check(descent::make_objective(rosenbrock, descent::wrt(z)), 30);
  check(descent::make_objective(sq_norm(segment<1, 3>(z)) * sum(segment<2, 4>(z)), descent::wrt(z)), 31);
}

BOOST_AUTO_TEST_CASE(rosenbrock_matches_the_scalar_formula) {
  constexpr auto rosenbrock = sum(100_c * sq(tail<5>(z) - sq(head<5>(z))) + sq(1_c - head<5>(z)));
  const auto obj = descent::make_objective(rosenbrock, descent::wrt(z));
  const auto p = fd::random_vector(6, 77, -2, 2);
  std::vector<double> g(6), hand(6, 0.0);
  const double f = obj(std::span<const double>(p), std::span<double>(g));
  double fh = 0;
  for (int i = 0; i < 5; ++i) {
    const double a = p[i + 1] - p[i] * p[i];
    fh += 100 * a * a + (1 - p[i]) * (1 - p[i]);
    hand[i] += -400 * a * p[i] - 2 * (1 - p[i]);
    hand[i + 1] += 200 * a;
  }
  BOOST_TEST(f == fh, boost::test_tools::tolerance(1e-14));
  for (int i = 0; i < 6; ++i) BOOST_TEST(g[i] == hand[i], boost::test_tools::tolerance(1e-13));
}
