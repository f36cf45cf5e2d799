// The activations tanh, sigmoid, softplus, abs and relu (on both sides of its kink) of vector
// expressions: gradients and Hessian-vector products against central differences at random
// points (tests/shaped/elementwise_support.hpp).
#include "elementwise_support.hpp"

using namespace elementwise;

BOOST_AUTO_TEST_CASE(activations_elementwise) {
  check_unary(tanh(u), 8);
  check_unary(sigmoid(u), 9);
  check_unary(softplus(u), 10);
  check_unary(abs(u), 11, 0.1, 1.0);
  check_unary(relu(u), 12, 0.1, 1.0);
  check_unary(relu(u), 13, -1.0, -0.1);
}
