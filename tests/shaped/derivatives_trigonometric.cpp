// The elementwise functions sin and cos of vector expressions: gradients and Hessian-vector
// products against central differences at random points (tests/shaped/elementwise_support.hpp).
#include "elementwise_support.hpp"

using namespace elementwise;

BOOST_AUTO_TEST_CASE(trigonometric_elementwise) {
  check_unary(sin(u), 5);
  check_unary(cos(u), 6);
}
