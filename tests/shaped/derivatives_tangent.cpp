// The elementwise function tan of vector expressions: gradients and Hessian-vector products against
// central differences at random points (tests/shaped/elementwise_support.hpp).
#include "elementwise_support.hpp"

using namespace elementwise;

BOOST_AUTO_TEST_CASE(tangent_elementwise) {
  check_unary(tan(u), 7);
}
