// Hessians in matrix form of tanh and logsumexp of a matrix-vector product, against central
// differences of the gradient (tests/shaped/hessian_support.hpp).
#include <descent/shaped.hpp>

#include "hessian_support.hpp"

using namespace hessian_symbols;

BOOST_AUTO_TEST_CASE(functions_of_a_matrix_vector_product) {
  const Eigen::MatrixXd a = a_data();
  fd::check_hessian(sum(tanh(A * w)), w, 11, -1.0, 1.0, A = a);
  fd::check_hessian(logsumexp(A * w), w, 12, -2.0, 2.0, A = a);
}
