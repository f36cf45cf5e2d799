// Matrix products and transposes: gradients and Hessian-vector products against central
// differences (tests/shaped/linear_algebra_support.hpp).  Split from one TU so that no test TU
// takes more than about 10 s of g++.
#include "linear_algebra_support.hpp"

using namespace descent::literals;
using namespace linear_algebra;

BOOST_AUTO_TEST_CASE(matrix_products) {
  check(descent::make_objective(sq_norm(A * x - y), descent::wrt(A, x, y)), 1);
  check(descent::make_objective(sum(hadamard(C, A * B)), descent::wrt(A, B), C = c32), 2);
  check(descent::make_objective(sum(tanh(A * B)), descent::wrt(A, B)), 3);
  check(descent::make_objective(dot(y, A * x), descent::wrt(A, x, y)), 4);
  check(descent::make_objective(sum(hadamard(C, outer(y, head<2>(x)))), descent::wrt(x, y), C = c32), 5);
  check(descent::make_objective(sq_norm(transpose(A) * y), descent::wrt(A, y)), 6);
  check(descent::make_objective(sum(hadamard(transpose(B), transpose(B))), descent::wrt(B)), 7);
}
