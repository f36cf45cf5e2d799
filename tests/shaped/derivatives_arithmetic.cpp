// Elementwise arithmetic with broadcasting: gradients and Hessian-vector products against central
// differences at random points (tests/shaped/elementwise_support.hpp).  Split from one TU so that
// no test TU takes more than about 10 s of g++.
#include "elementwise_support.hpp"

using namespace descent::literals;
using namespace elementwise;

BOOST_AUTO_TEST_CASE(arithmetic_with_broadcasting) {
  check_binary(u + v, 30);
  check_binary(u - v, 31);
  check_binary(hadamard(u, v), 32);
  check_binary(u / v, 33, 0.5, 2.0);
  check_binary(s * u, 34);
  check_binary(u * s - v, 35);
  check_binary(s + u, 36);
  check_binary(u - s, 37);
  check_binary(s / v, 38, 0.5, 2.0);
  check_binary(u / s, 39, 0.5, 2.0);
  check_binary(-u + 2.5 * v, 40);
  check_binary(exp(s * u) / (1_c + sq(v)), 41);
}
