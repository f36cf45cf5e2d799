// The elementwise functions exp and expm1 of vector expressions: gradients and Hessian-vector
// products against central differences at random points (tests/shaped/elementwise_support.hpp).
// log and log1p are in derivatives_logarithms.cpp, sin and cos in derivatives_trigonometric.cpp,
// tan in derivatives_tangent.cpp, the activations in derivatives_activations.cpp: split so that no
// test TU takes more than about 6.5 s of g++.
#include "elementwise_support.hpp"

using namespace elementwise;

BOOST_AUTO_TEST_CASE(functions_elementwise) {
  check_unary(exp(u), 1);
  check_unary(expm1(u), 4);
}
