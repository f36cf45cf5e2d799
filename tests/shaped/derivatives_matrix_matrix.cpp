// Matrix-matrix products: gradients and Hessian-vector products against central differences
// (tests/shaped/linear_algebra_support.hpp).
#include "linear_algebra_support.hpp"

using namespace linear_algebra;

BOOST_AUTO_TEST_CASE(matrix_matrix_products) {
  check(descent::make_objective(sum(hadamard(C, A * B)), descent::wrt(A, B), C = c32), 2);
  check(descent::make_objective(sum(tanh(A * B)), descent::wrt(A, B)), 3);
}
