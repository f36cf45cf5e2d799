// Outer products and elementwise products of transposes: gradients and Hessian-vector products
// against central differences (tests/shaped/linear_algebra_support.hpp).
#include "linear_algebra_support.hpp"

using namespace linear_algebra;

BOOST_AUTO_TEST_CASE(outer_products_and_transposes) {
  check(descent::make_objective(sum(hadamard(C, outer(y, head<2>(x)))), descent::wrt(x, y), C = c32), 5);
  check(descent::make_objective(sum(hadamard(transpose(B), transpose(B))), descent::wrt(B)), 7);
}
