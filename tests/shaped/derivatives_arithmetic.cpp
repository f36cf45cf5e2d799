// Elementwise arithmetic of a vector and a broadcast scalar (s * u, u * s - v, s + u, u - s):
// gradients and Hessian-vector products against central differences at random points
// (tests/shaped/elementwise_support.hpp).  Arithmetic of two vectors is in
// derivatives_arithmetic_vectors.cpp, quotients by and of a scalar in
// derivatives_arithmetic_quotients.cpp: split so that no test TU takes more than about 6.5 s of g++.
#include "elementwise_support.hpp"

using namespace elementwise;

BOOST_AUTO_TEST_CASE(arithmetic_with_broadcasting) {
  check_binary(s * u, 34);
  check_binary(u * s - v, 35);
  check_binary(s + u, 36);
  check_binary(u - s, 37);
}
