// Hessians in matrix form through compile-time slices (head, tail, segment): the n-D Rosenbrock
// and a product of slices against central differences of the gradient, and the n-D Rosenbrock's
// exact tridiagonal Hessian at (1, ..., 1) (tests/shaped/hessian_support.hpp).
#include <descent/shaped.hpp>

#include <vector>

#include "hessian_support.hpp"

using namespace hessian_symbols;

BOOST_AUTO_TEST_CASE(slices_and_the_nd_rosenbrock) {
  constexpr auto rosenbrock = sum(100_c * sq(tail<5>(z) - sq(head<5>(z))) + sq(1_c - head<5>(z)));
  fd::check_hessian(rosenbrock, z, 20, -1.5, 1.5);
  fd::check_hessian(sq_norm(segment<1, 3>(z)) * sum(segment<2, 4>(z)), z, 21, -1.0, 1.0);
  // the exact tridiagonal Hessian of the n-D Rosenbrock at (1, ..., 1): 802 / 202 / -400
  const Eigen::MatrixXd H = descent::eval(descent::hessian(rosenbrock, descent::wrt(z)), z = std::vector<double>(6, 1.0));
  BOOST_TEST(H(0, 0) == 802.0);
  BOOST_TEST(H(2, 2) == 1002.0);
  BOOST_TEST(H(5, 5) == 200.0);
  BOOST_TEST(H(1, 2) == -400.0);
  BOOST_TEST(H(0, 2) == 0.0);
}

