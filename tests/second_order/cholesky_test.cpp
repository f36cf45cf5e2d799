// descent/second_order/cholesky.hpp: the dense factorisation the Newton-type methods use.
#include <descent/second_order/cholesky.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <span>
#include <stdexcept>

namespace so = descent::second_order;

BOOST_AUTO_TEST_SUITE(cholesky)

BOOST_AUTO_TEST_CASE(factor_and_solve_a_positive_definite_system) {
  // A = [[4, 2], [2, 3]] = L L^T with L = [[2, 0], [1, sqrt(2)]]; A x = (2, 1) at x = (0.5, 0).
  const std::array<double, 4> a{4, 2, 2, 3};
  std::array<double, 4> l{};
  BOOST_TEST(so::cholesky_factor<double>(a, 2, l));
  BOOST_TEST(l[0] == 2.0);
  BOOST_TEST(l[1] == 0.0);  // upper triangle cleared
  BOOST_TEST(l[2] == 1.0);
  BOOST_TEST(l[3] * l[3] == 2.0, boost::test_tools::tolerance(1e-15));
  const std::array<double, 2> b{2, 1};
  std::array<double, 2> x{};
  so::cholesky_solve<double>(l, 2, b, x);
  BOOST_TEST(x[0] == 0.5, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(std::abs(x[1]) < 1e-15);
}

BOOST_AUTO_TEST_CASE(an_indefinite_matrix_is_refused_then_shifted) {
  const std::array<double, 4> a{1, 0, 0, -1};  // eigenvalues 1 and -1
  std::array<double, 4> l{};
  BOOST_TEST(!so::cholesky_factor<double>(a, 2, l));
  const auto r = so::cholesky_with_added_identity<double>(a, 2, l);
  BOOST_TEST(r.ok);
  BOOST_TEST(r.tau > 1.0);  // just enough to make -1 + tau positive
  BOOST_TEST(r.attempts >= 1u);
  const std::array<double, 4> spd{2, 0, 0, 3};
  BOOST_TEST(so::cholesky_with_added_identity<double>(spd, 2, l).tau == 0.0);  // nothing added
}

BOOST_AUTO_TEST_CASE(sizes_are_checked) {
  const std::array<double, 3> a{1, 2, 3};
  std::array<double, 4> l{};
  BOOST_CHECK_THROW((void)so::cholesky_factor<double>(a, 2, l), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
