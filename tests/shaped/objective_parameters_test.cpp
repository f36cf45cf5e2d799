// Objectives over data: parameters, gradients and Hessians passed as std::vector and std::array
// give the same results (tests/shaped/objective_support.hpp).
#include "objective_support.hpp"

using namespace objective_support;

BOOST_AUTO_TEST_CASE(vectors_and_arrays_pass_as_parameters) {
  const data_set d(10);
  constexpr auto loss = sq(dot(w, x) - y);
  const auto obj = descent::make_objective(descent::mean_over_samples(loss), descent::wrt(w), x = d.X, y = d.Y);
  std::vector<double> p(4, 0.25), g(4);
  std::array<double, 4> pa{0.25, 0.25, 0.25, 0.25}, ga{};
  const double f = obj(p, g);
  BOOST_TEST(f == obj.value(p));
  BOOST_TEST(obj(pa, ga) == f);
  for (int i = 0; i < 4; ++i) BOOST_TEST(ga[i] == g[i]);
  std::vector<double> h(16), hv(4);
  obj.hessian(p, h);
  obj.hessian_vector(p, g, hv);
  BOOST_TEST(std::isfinite(h[5]));
}
