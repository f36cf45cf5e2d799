// MLPs with two hidden layers: gradients against central differences.
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

BOOST_AUTO_TEST_CASE(mlp2_gradients_match_central_differences) {
  const auto X = random_matrix(30, 5, 6);
  std::vector<std::size_t> labels(30);
  for (std::size_t i = 0; i < 30; ++i) labels[i] = i % 3;
  using net = m::mlp2<5, 4, 4, 3, m::act::sigmoid>;
  const auto obj = descent::make_objective(descent::mean_over_samples(net::loss), net::params, net::x = X, net::label = labels);
  BOOST_TEST(obj.dimension == net::dimension);
  BOOST_TEST(fd::gradient_error(obj, net::initial_parameters(4)) < 1e-7);
  // layout W1 (4 x 5), b1, W2 (4 x 4), b2, W3 (3 x 4), b3: the biases start at zero
  const auto p = net::initial_parameters(4);
  for (std::size_t k : {20u, 21u, 22u, 23u, 40u, 41u, 42u, 43u, 56u, 57u, 58u}) BOOST_TEST(p[k] == 0.0);
  BOOST_TEST(p[19] != 0.0);
  BOOST_TEST(p[55] != 0.0);
}
