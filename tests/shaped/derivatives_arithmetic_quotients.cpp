// Elementwise quotients of a vector and a broadcast scalar (s / v, u / s), and a composite
// exp(s u) / (1 + v^2): gradients and Hessian-vector products against central differences at
// random points (tests/shaped/elementwise_support.hpp).
#include "elementwise_support.hpp"

using namespace descent::literals;
using namespace elementwise;

BOOST_AUTO_TEST_CASE(quotients_with_broadcasting) {
  check_binary(s / v, 38, 0.5, 2.0);
  check_binary(u / s, 39, 0.5, 2.0);
  check_binary(exp(s * u) / (1_c + sq(v)), 41);
}
