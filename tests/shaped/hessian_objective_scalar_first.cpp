// Hessians in matrix form over samples with the scalar parameter first, wrt(b, w): obj.hessian
// (blocks b-b, b-w, w-w) against Hessian-vector products and central differences
// (tests/shaped/hessian_support.hpp).
#include <descent/shaped.hpp>

#include "hessian_support.hpp"

using fd::data_set;
using namespace hessian_symbols;

BOOST_AUTO_TEST_CASE(objective_hessian_over_samples_with_the_scalar_parameter_first) {
  const data_set d(300);  // more than one block of rows
  fd::check_objective_hessian(descent::make_objective(descent::mean_over_samples(logistic) + sq(b), descent::wrt(b, w), x = d.X, y = d.Y), 41);
}
