// The elementwise functions exp, log, log1p, expm1, sin, cos, tan of vector expressions: gradients
// and Hessian-vector products against central differences at random points
// (tests/shaped/elementwise_support.hpp).  The activations are in derivatives_activations.cpp:
// split so that no test TU takes more than about 10 s of g++.
#include "elementwise_support.hpp"

using namespace descent::literals;
using namespace elementwise;

BOOST_AUTO_TEST_CASE(functions_elementwise) {
  check_unary(exp(u), 1);
  check_unary(log(u), 2, 0.5, 2.0);
  check_unary(log1p(u), 3, 0.0, 2.0);
  check_unary(expm1(u), 4);
  check_unary(sin(u), 5);
  check_unary(cos(u), 6);
  check_unary(tan(u), 7);
}
