// Matrix-vector products (also of a transpose): gradients and Hessian-vector products against
// central differences (tests/shaped/linear_algebra_support.hpp).  Matrix-matrix products are in
// derivatives_matrix_matrix.cpp, outer products and products of transposes in
// derivatives_outer_and_transposes.cpp: split so that no test TU takes more than about 6.5 s of
// g++.
#include "linear_algebra_support.hpp"

using namespace linear_algebra;

BOOST_AUTO_TEST_CASE(matrix_products) {
  check(descent::make_objective(sq_norm(A * x - y), descent::wrt(A, x, y)), 1);
  check(descent::make_objective(dot(y, A * x), descent::wrt(A, x, y)), 4);
  check(descent::make_objective(sq_norm(transpose(A) * y), descent::wrt(A, y)), 6);
}
