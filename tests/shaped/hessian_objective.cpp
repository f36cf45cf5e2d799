// Hessians in matrix form over samples: obj.hessian with vector and scalar parameters (blocks
// w-w, w-b, b-b) against Hessian-vector products and central differences, on threads and
// mini-batches.  (The scalar parameter first: hessian_objective_scalar_first.cpp, split so that no
// test TU takes more than about 6.5 s of g++; matrix parameters: hessian_matrix_parameters.cpp.)
#include <descent/shaped.hpp>

#include <vector>

#include "hessian_support.hpp"

using namespace descent::literals;
using fd::data_set;
using namespace hessian_symbols;

BOOST_AUTO_TEST_CASE(objective_hessian_over_samples_with_scalar_parameters) {
  const data_set d(300);  // more than one block of rows
  // w and b: the blocks w-w (matrix form), w-b (a vector), b-b (a scalar)
  fd::check_objective_hessian(descent::make_objective(descent::mean_over_samples(logistic) + 1e-3 * sq_norm(w),
                                                  descent::wrt(w, b), x = d.X, y = d.Y),
                          40);
  // threads: the same bits
  auto threaded = descent::make_objective(descent::mean_over_samples(logistic) + 1e-3 * sq_norm(w), descent::wrt(w, b), x = d.X, y = d.Y);
  const auto p = fd::random_vector(5, 42);
  std::vector<double> h1(25), h2(25);
  threaded.hessian(std::span<const double>(p), std::span<double>(h1));
  threaded.threads(3);
  threaded.hessian(std::span<const double>(p), std::span<double>(h2));
  BOOST_TEST(h1 == h2, boost::test_tools::per_element());
  // a mini-batch
  const std::vector<std::size_t> rows{3, 17, 250, 299};
  fd::check_objective_hessian(threaded.on(rows), 43);
}
