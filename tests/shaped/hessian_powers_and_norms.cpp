// Hessians in matrix form for the Jacobian rule of elementwise powers u.^p (sqrt, pow) and
// through the Euclidean norm, against central differences of the gradient
// (tests/shaped/hessian_support.hpp).
#include <descent/shaped.hpp>

#include "hessian_support.hpp"

using namespace hessian_symbols;

BOOST_AUTO_TEST_CASE(powers_and_norms) {
  fd::check_hessian(sum(sqrt(1_c + sq(w))) + sum(pow(w, 3_c)), w, 5, -1.0, 1.0);   // u.^p
  fd::check_hessian(norm(w), w, 14, 0.5, 2.0);
}
