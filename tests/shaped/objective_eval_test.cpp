// eval of vector expressions: dot products and softmax of bound vectors, one result per sample
// for data bound as a matrix, and Eigen vectors and matrices as bindings
// (tests/shaped/objective_support.hpp).
#include "objective_support.hpp"

using namespace objective_support;

BOOST_AUTO_TEST_CASE(eval_of_vector_expressions) {
  const std::array<double, 4> wv{1, 2, 3, 4};
  const std::vector<double> xv{0.5, -1, 2, 0};
  BOOST_TEST(descent::eval(dot(w, x), w = wv, x = xv) == 0.5 - 2 + 6);
  const Eigen::VectorXd s = descent::eval(softmax(w), w = wv);
  BOOST_TEST(s.sum() == 1.0, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(s(3) == std::exp(4.0) / (std::exp(1.0) + std::exp(2.0) + std::exp(3.0) + std::exp(4.0)), boost::test_tools::tolerance(1e-15));
  // per-sample results: one row per sample
  const data_set d(5);
  const Eigen::VectorXd z = descent::eval(dot(w, x), w = wv, x = d.X);
  BOOST_TEST(z.size() == 5);
  BOOST_TEST(z(2) == d.X(2, 0) + 2 * d.X(2, 1) + 3 * d.X(2, 2) + 4 * d.X(2, 3), boost::test_tools::tolerance(1e-15));
  // Eigen bindings
  Eigen::Matrix<double, 3, 4> A;
  A.setRandom();
  const Eigen::Vector4d xe(1, 0, 0, 2);
  const Eigen::VectorXd Ax = descent::eval(W * x, W = A, x = xe);
  for (int r = 0; r < 3; ++r) BOOST_TEST(Ax(r) == A(r, 0) + 2 * A(r, 3), boost::test_tools::tolerance(1e-15));
}
