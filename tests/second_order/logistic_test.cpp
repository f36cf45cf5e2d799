// L-BFGS on L2-regularised logistic regression (breast_cancer, standardised) reaches the
// optimum of a long plain gradient-descent run to 1e-8 relative in the loss, in far fewer
// iterations.
#include <descent/second_order/lbfgs.hpp>
#include <descent/second_order/nonlinear_cg.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>

#include "support/logistic.hpp"
#include "support/problems.hpp"

BOOST_AUTO_TEST_CASE(lbfgs_matches_long_gradient_descent) {
  const auto split = test_problems::breast_cancer_standardized("data/breast_cancer.csv");
  test_problems::logistic_regression f{&split.train};
  const std::size_t dim = f.dimension();

  // Plain gradient descent with step 1/L, written here.
  std::vector<double> w(dim, 0.0), g(dim);
  const double lr = 1.0 / f.lipschitz();
  double gd_loss = f(w, g);
  std::size_t gd_iterations = 0;
  while (gd_iterations < 200000 && test_problems::norm(std::span<const double>(g)) > 1e-11) {
    for (std::size_t j = 0; j < dim; ++j) w[j] -= lr * g[j];
    gd_loss = f(w, g);
    ++gd_iterations;
  }

  test_problems::logistic_regression f2{&split.train};
  std::vector<double> v(dim, 0.0);
  descent::lbfgs opt;
  const auto r = test_problems::drive(opt, f2, v, 1e-8, 1000);
  BOOST_TEST_MESSAGE("GD: " << gd_iterations << " iterations, loss " << gd_loss
                            << "; L-BFGS: " << r.iterations << " iterations, " << r.evaluations
                            << " evaluations, loss " << r.loss);
  BOOST_TEST(std::abs(r.loss - gd_loss) / gd_loss < 1e-8);
  BOOST_TEST(r.iterations * 10 < gd_iterations);  // "far fewer"

  test_problems::logistic_regression f3{&split.train};
  std::vector<double> c(dim, 0.0);
  descent::nonlinear_cg cg;
  const auto rc = test_problems::drive(cg, f3, c, 1e-8, 5000);
  BOOST_TEST(std::abs(rc.loss - gd_loss) / gd_loss < 1e-8);

  // The fitted model classifies the held-out quarter well (literature: 95-98 %).
  std::size_t correct = 0;
  const auto& X = split.test.features;
  for (std::size_t i = 0; i < X.rows; ++i) {
    double z = v[X.cols];
    for (std::size_t j = 0; j < X.cols; ++j) z += X(i, j) * v[j];
    correct += (z > 0) == (split.test.targets[i] == 1.0);
  }
  const double accuracy = double(correct) / double(X.rows);
  BOOST_TEST_MESSAGE("held-out accuracy " << accuracy);
  BOOST_TEST(accuracy > 0.94);
}
