// The elementwise functions log and log1p of vector expressions: gradients and Hessian-vector
// products against central differences at random points (tests/shaped/elementwise_support.hpp).
#include "elementwise_support.hpp"

using namespace elementwise;

BOOST_AUTO_TEST_CASE(logarithms_elementwise) {
  check_unary(log(u), 2, 0.5, 2.0);
  check_unary(log1p(u), 3, 0.0, 2.0);
}
