// Hessians in matrix form (descent/shaped/jacobian.hpp) for the Jacobian rules of fill(s) and a
// scalar broadcast in a sum, against central differences of the gradient
// (tests/shaped/hessian_support.hpp).
#include <descent/shaped.hpp>

#include "hessian_support.hpp"

using namespace hessian_symbols;

BOOST_AUTO_TEST_CASE(broadcast_rules) {
  fd::check_hessian(sum(exp(w)) * sum(w), w, 6, -1.0, 1.0);                      // fill(s)
  fd::check_hessian(sum(sin(w + dot(w, c))), w, 7, -1.0, 1.0, c = cv);           // a scalar broadcast in a sum
}
