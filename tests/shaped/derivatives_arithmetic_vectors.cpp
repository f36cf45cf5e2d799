// Elementwise arithmetic of two vectors (u + v, u - v, hadamard(u, v), u / v, -u + 2.5 v): gradients
// and Hessian-vector products against central differences at random points
// (tests/shaped/elementwise_support.hpp).
#include "elementwise_support.hpp"

using namespace elementwise;

BOOST_AUTO_TEST_CASE(arithmetic_of_vectors) {
  check_binary(u + v, 30);
  check_binary(u - v, 31);
  check_binary(hadamard(u, v), 32);
  check_binary(u / v, 33, 0.5, 2.0);
  check_binary(-u + 2.5 * v, 40);
}
