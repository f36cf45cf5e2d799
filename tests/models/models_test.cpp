// Models on data: objectives against hand-written loops, gradients against central
// differences, predict / predict_classes against hand evaluation (MLPs: mlp_test.cpp).
#include <descent/data/matrix.hpp>
#include <descent/models.hpp>
#include <descent/models/linear.hpp>
#include <descent/models/logistic.hpp>
#include <descent/models/mlp.hpp>
#include <descent/models/predict.hpp>
#include <descent/models/softmax.hpp>
#include <descent/shaped.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "../shaped/fd_support.hpp"

namespace {
namespace m = descent::models;

descent::data::matrix<double> random_matrix(std::size_t rows, std::size_t cols, unsigned seed) {
  descent::data::matrix<double> X(rows, cols);
  const auto v = fd::random_vector(rows * cols, seed, -2, 2);
  std::copy(v.begin(), v.end(), X.values.begin());
  return X;
}
}  // namespace

BOOST_AUTO_TEST_CASE(logistic_regression_objective_and_predictions) {
  using model = m::logistic_regression<3>;
  const auto X = random_matrix(50, 3, 1);
  std::vector<double> y(50);
  for (std::size_t i = 0; i < 50; ++i) y[i] = X(i, 0) + 0.5 * X(i, 1) > 0 ? 1.0 : 0.0;
  const auto obj = descent::make_objective(descent::mean_over_samples(model::loss), model::params, model::x = X, model::y = y);
  const auto p = fd::random_vector(4, 2);
  double total = 0;
  std::vector<double> z(50);
  for (std::size_t i = 0; i < 50; ++i) {
    z[i] = p[0] * X(i, 0) + p[1] * X(i, 1) + p[2] * X(i, 2) + p[3];
    total += std::log1p(std::exp(z[i])) - y[i] * z[i];
  }
  BOOST_TEST(obj.value(std::span<const double>(p)) == total / 50, boost::test_tools::tolerance(1e-13));
  BOOST_TEST(fd::gradient_error(obj, p) < 1e-7);
  const Eigen::VectorXd logits = m::predict(model::logit, model::params, p, model::x = X);
  const auto cls = m::predict_classes(model::logit, model::params, p, model::x = X);
  BOOST_TEST(logits.size() == 50);
  for (std::size_t i = 0; i < 50; ++i) {
    BOOST_TEST(logits(static_cast<Eigen::Index>(i)) == z[i], boost::test_tools::tolerance(1e-14));
    BOOST_TEST(cls[i] == (z[i] > 0 ? 1u : 0u));
  }
}

BOOST_AUTO_TEST_CASE(linear_regression_predictions) {
  using model = m::linear_regression<2>;
  const auto X = random_matrix(7, 2, 3);
  const std::vector<double> p{2.0, -1.0, 0.5};
  const Eigen::VectorXd yhat = m::predict(model::prediction, model::params, p, model::x = X);
  for (std::size_t i = 0; i < 7; ++i)
    BOOST_TEST(yhat(static_cast<Eigen::Index>(i)) == 2 * X(i, 0) - X(i, 1) + 0.5, boost::test_tools::tolerance(1e-15));
  const std::vector<double> short_p{1.0, 2.0};
  try {
    (void)m::predict(model::prediction, model::params, short_p, model::x = X);
    BOOST_FAIL("no exception");
  } catch (const std::invalid_argument& e) {
    BOOST_TEST(std::string(e.what()) == "descent::models::predict: the parameter vector has 2 entries, the wrt(...) symbols have 3");
  }
}

BOOST_AUTO_TEST_CASE(softmax_regression_predicts_the_largest_score) {
  using model = m::softmax_regression<2, 3>;
  const auto X = random_matrix(20, 2, 4);
  const auto p = fd::random_vector(9, 5);  // W (3 x 2, row-major), then b
  const auto cls = m::predict_classes(model::logits, model::params, p, model::x = X);
  const auto scores = m::predict(model::logits, model::params, p, model::x = X);
  BOOST_TEST(scores.rows() == 20);
  BOOST_TEST(scores.cols() == 3);
  for (std::size_t i = 0; i < 20; ++i) {
    std::size_t best = 0;
    double top = -1e300;
    for (std::size_t k = 0; k < 3; ++k) {
      const double s = p[k * 2] * X(i, 0) + p[k * 2 + 1] * X(i, 1) + p[6 + k];
      BOOST_TEST(scores(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) == s, boost::test_tools::tolerance(1e-14));
      if (s > top) { top = s; best = k; }
    }
    BOOST_TEST(cls[i] == best);
  }
}
