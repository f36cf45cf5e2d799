// Hessians in matrix form through matrix-vector products, softmax, logsumexp, norms and
// compile-time slices (the n-D Rosenbrock), against central differences of the gradient.
#include <descent/shaped.hpp>

#include <vector>

#include "hessian_support.hpp"

using namespace descent::literals;

namespace {
constexpr descent::vec<"w", 4> w;
constexpr descent::var<"y"> y;
constexpr descent::mat<"A", 3, 4> A;
constexpr descent::vec<"t", 3> t;
constexpr descent::vec<"c", 4> c;
constexpr descent::vec<"z", 6> z;
const std::vector<double> cv = fd::random_vector(4, 91, 0.5, 2.0);
const std::vector<double> tv = fd::random_vector(3, 92);
Eigen::MatrixXd a_data() {
  const auto v = fd::random_vector(12, 93);
  Eigen::MatrixXd m(3, 4);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 4; ++j) m(i, j) = v[static_cast<std::size_t>(i * 4 + j)];
  return m;
}
}  // namespace

BOOST_AUTO_TEST_CASE(linear_algebra_and_softmax) {
  const Eigen::MatrixXd a = a_data();
  fd::check_hessian(sq_norm(A * w - t), w, 10, -1.0, 1.0, A = a, t = tv);  // M * u
  fd::check_hessian(sum(tanh(A * w)), w, 11, -1.0, 1.0, A = a);
  fd::check_hessian(logsumexp(A * w), w, 12, -2.0, 2.0, A = a);
  fd::check_hessian(dot(softmax(w), c) + log_softmax(w)[y], w, 13, -2.0, 2.0, c = cv, y = 2.0);
  fd::check_hessian(norm(w), w, 14, 0.5, 2.0);
}

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

