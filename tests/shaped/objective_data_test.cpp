// Objectives over data: sums over samples with parameter terms, and their exact Hessian.  (eval of
// vector expressions: objective_eval_test.cpp; runtime errors: objective_errors_test.cpp;
// parameters as vectors and arrays: objective_parameters_test.cpp; split so that no test TU takes
// more than about 6.5 s of g++.)
#include "objective_support.hpp"

using namespace descent::literals;
using namespace objective_support;

BOOST_AUTO_TEST_CASE(sum_over_samples_and_parameter_terms) {
  const data_set d(70);
  const auto sum_obj = descent::make_objective(descent::sum_over_samples(sq(dot(w, x) + b - y)) + sq_norm(w),
                                               descent::wrt(w, b), x = d.X, y = d.Y);
  const auto p = fd::random_vector(5, 31);
  double total = 0;
  for (std::size_t i = 0; i < 70; ++i) {
    double z = p[4] - d.Y[i];
    for (int j = 0; j < 4; ++j) z += p[j] * d.X(i, j);
    total += z * z;
  }
  total += p[0] * p[0] + p[1] * p[1] + p[2] * p[2] + p[3] * p[3];
  BOOST_TEST(sum_obj.value(std::span<const double>(p)) == total, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(fd::gradient_error(sum_obj, p) < 1e-7);
  // exact Hessian: 2 X^T X (+ 2 I on w), from Hessian-vector products
  std::vector<double> h(25);
  sum_obj.hessian(std::span<const double>(p), std::span<double>(h));
  for (int r = 0; r < 5; ++r)
    for (int s = 0; s < 5; ++s) {
      double e = 0;
      for (std::size_t i = 0; i < 70; ++i) e += 2 * (r < 4 ? d.X(i, r) : 1.0) * (s < 4 ? d.X(i, s) : 1.0);
      if (r == s && r < 4) e += 2;
      BOOST_TEST(h[r * 5 + s] == e, boost::test_tools::tolerance(1e-12));
    }
}
