// MLPs (one and two hidden layers): gradients against central differences, seeded
// initialisation layer by layer.
#include <descent/data/matrix.hpp>
#include <descent/models/mlp.hpp>
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
