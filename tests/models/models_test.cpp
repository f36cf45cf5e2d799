// Models on data: objectives against hand-written loops, gradients against central
// differences, predict / predict_classes against hand evaluation, seeded initialisation.
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

BOOST_AUTO_TEST_CASE(mlp_gradients_match_central_differences) {
  const auto X = random_matrix(30, 5, 6);
  std::vector<std::size_t> labels(30);
  for (std::size_t i = 0; i < 30; ++i) labels[i] = i % 3;
  {
    using net = m::mlp<5, 4, 3, m::act::tanh>;
    const auto obj = descent::make_objective(descent::mean_over_samples(net::loss), net::params, net::x = X, net::label = labels);
    BOOST_TEST(obj.dimension == net::dimension);
    BOOST_TEST(fd::gradient_error(obj, net::initial_parameters(3)) < 1e-7);
  }
  {
    using net = m::mlp2<5, 4, 4, 3, m::act::sigmoid>;
    const auto obj = descent::make_objective(descent::mean_over_samples(net::loss), net::params, net::x = X, net::label = labels);
    BOOST_TEST(fd::gradient_error(obj, net::initial_parameters(4)) < 1e-7);
  }
}

BOOST_AUTO_TEST_CASE(initial_parameters_are_seeded_layer_by_layer) {
  using net = m::mlp<6, 4, 3, m::act::tanh>;
  const auto p = net::initial_parameters(9);
  BOOST_TEST(p.size() == net::dimension);
  BOOST_TEST(p == net::initial_parameters(9));
  BOOST_TEST(p != net::initial_parameters(10));
  // layout W1 (4 x 6), b1 (4), W2 (3 x 4), b2 (3); biases zero, weights Xavier-uniform bounded
  const double a1 = std::sqrt(6.0 / (6 + 4)), a2 = std::sqrt(6.0 / (4 + 3));
  for (std::size_t k = 0; k < 24; ++k) BOOST_TEST(std::abs(p[k]) <= a1);
  for (std::size_t k = 24; k < 28; ++k) BOOST_TEST(p[k] == 0.0);
  for (std::size_t k = 28; k < 40; ++k) BOOST_TEST(std::abs(p[k]) <= a2);
  for (std::size_t k = 40; k < 43; ++k) BOOST_TEST(p[k] == 0.0);
  // the same draws as models::xavier_uniform from one stream
  std::vector<double> w1(24), w2(12);
  descent::data::splitmix64 g(9);
  m::xavier_uniform(std::span<double>(w1), m::fans{.in = 6, .out = 4}, g);
  m::xavier_uniform(std::span<double>(w2), m::fans{.in = 4, .out = 3}, g);
  for (std::size_t k = 0; k < 24; ++k) BOOST_TEST(p[k] == w1[k]);
  for (std::size_t k = 0; k < 12; ++k) BOOST_TEST(p[28 + k] == w2[k]);
  // relu layers use He initialisation (bound sqrt(6 / fan_in))
  using relu_net = m::mlp<6, 4, 3, m::act::relu>;
  const auto q = relu_net::initial_parameters(9);
  std::vector<double> h1(24);
  descent::data::splitmix64 g2(9);
  m::he_uniform(std::span<double>(h1), m::fans{.in = 6, .out = 4}, g2);
  for (std::size_t k = 0; k < 24; ++k) BOOST_TEST(q[k] == h1[k]);
}
