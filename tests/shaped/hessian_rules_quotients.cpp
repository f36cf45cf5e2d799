// Hessians in matrix form (descent/shaped/jacobian.hpp) for the Jacobian rules of elementwise
// quotients u ./ v and a scalar over a vector, against central differences of the gradient
// (tests/shaped/hessian_support.hpp).
#include <descent/shaped.hpp>

#include "hessian_support.hpp"

using namespace hessian_symbols;

BOOST_AUTO_TEST_CASE(quotient_rules) {
  fd::check_hessian(sum(w / (c + sq(w))), w, 3, -1.0, 1.0, c = cv);              // u ./ v
  fd::check_hessian(dot(w, w) * sum(1_c / (c + sq(w))), w, 4, -1.0, 1.0, c = cv);  // a scalar over a vector
}
