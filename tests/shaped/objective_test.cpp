// Objectives over data: means over samples with per-sample vectors and scalars, in blocks (sizes
// that are not multiples of the block).  (Subsets of rows: objective_batches_test.cpp; labels:
// objective_softmax_test.cpp; sums over samples: objective_data_test.cpp.  Split so that no test
// TU takes more than about 6.5 s of g++.)
#include "objective_support.hpp"

using namespace descent::literals;
using namespace objective_support;

BOOST_AUTO_TEST_CASE(logistic_regression_mean_over_blocks) {
  constexpr auto loss = softplus(-(2_c * y - 1_c) * (dot(w, x) + b));
  for (std::size_t n : {1u, 63u, 64u, 65u, 130u, 1000u}) {
    const data_set d(n);
    const auto obj = descent::make_objective(descent::mean_over_samples(loss) + 1e-3 * sq_norm(w),
                                             descent::wrt(w, b), x = d.X, y = d.Y);
    BOOST_TEST(obj.dimension == 5u);
    BOOST_TEST(obj.samples() == n);
    const auto p = fd::random_vector(5, static_cast<unsigned>(n));
    BOOST_TEST(obj.value(std::span<const double>(p)) == logistic_by_hand(d, p, {}, 1e-3), boost::test_tools::tolerance(1e-13));
    BOOST_TEST(fd::gradient_error(obj, p) < 1e-7);
    BOOST_TEST(fd::hvp_error(obj, p, fd::random_vector(5, 3)) < 1e-6);
  }
}
