// Hessians over samples with a matrix parameter: obj.hessian forms H from Hessian-vector
// products, checked against central differences.
#include <descent/shaped.hpp>

#include "hessian_support.hpp"

namespace {
constexpr descent::mat<"W", 2, 4> W;
constexpr descent::vec<"x", 4> x;
constexpr descent::var<"y"> y;
}  // namespace

using fd::data_set;

BOOST_AUTO_TEST_CASE(matrix_parameters_fall_back_to_products) {
  const data_set d(40);
  // W is a matrix parameter: obj.hessian forms H from Hessian-vector products
  constexpr descent::vec<"u", 2> u;
  fd::check_objective_hessian(descent::make_objective(descent::mean_over_samples(sq(dot(u, tanh(W * x)) - y)), descent::wrt(W, u), x = d.X, y = d.Y), 50);
}
