// Hessians in matrix form through a matrix-vector product (least squares) and softmax with
// log_softmax, against central differences of the gradient (tests/shaped/hessian_support.hpp).
// (tanh and logsumexp of a matrix-vector product: hessian_matrix_vector.cpp; norms:
// hessian_powers_and_norms.cpp; compile-time slices and the n-D Rosenbrock: hessian_slices.cpp;
// split so that no test TU takes more than about 6.5 s of g++.)
#include <descent/shaped.hpp>

#include "hessian_support.hpp"

using namespace hessian_symbols;

BOOST_AUTO_TEST_CASE(linear_algebra_and_softmax) {
  const Eigen::MatrixXd a = a_data();
  fd::check_hessian(sq_norm(A * w - t), w, 10, -1.0, 1.0, A = a, t = tv);  // M * u
  fd::check_hessian(dot(softmax(w), c) + log_softmax(w)[y], w, 13, -2.0, 2.0, c = cv, y = 2.0);
}
