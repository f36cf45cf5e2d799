// Elementwise powers, sign and step: gradients and Hessian-vector products against central
// differences at random points (tests/shaped/elementwise_support.hpp).  Split from one TU so that
// no test TU takes more than about 10 s of g++.
#include "elementwise_support.hpp"

using namespace descent::literals;
using namespace elementwise;

BOOST_AUTO_TEST_CASE(powers_elementwise) {
  check_unary(sq(u), 20);
  check_unary(sqrt(u), 21, 0.5, 2.0);
  check_unary(pow(u, 3_c), 22);
  check_unary(pow(u, -1_c), 23, 0.5, 2.0);
  check_unary(pow(u, 3_c / 2_c), 24, 0.5, 2.0);
}

BOOST_AUTO_TEST_CASE(sign_and_step_have_zero_derivative) {
  const auto obj = descent::make_objective(dot(c, sign(u)) + dot(c, step(u)), descent::wrt(u), c = weights);
  std::vector<double> x = fd::random_vector(5, 50, 0.1, 1.0), g(5, 1.0);
  obj(std::span<const double>(x), std::span<double>(g));
  for (double gi : g) BOOST_TEST(gi == 0.0);
}
