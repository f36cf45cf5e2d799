// Sums over samples on threads: softmax regression (matrix products lowered to GEMM per block)
// gives the same bits for any thread count on all rows and on a mini-batch of gathered rows
// (tests/shaped/threads_support.hpp).
#include <descent/shaped.hpp>
#include <descent/shaped/objective.hpp>

#include <vector>

#include "threads_support.hpp"

using namespace threads_support;

// Softmax regression (matrix products lowered to GEMM per block) on all rows and on a
// mini-batch of gathered rows.
BOOST_AUTO_TEST_CASE(softmax_regression_same_bits_on_rows_and_batches) {
  constexpr auto logits = W * x + c;
  constexpr auto ce = logsumexp(logits) - logits[label];
  const data_set d(9000);
  const auto obj = descent::make_objective(descent::mean_over_samples(ce) + 1e-4 * sq_norm(W),
                                           descent::wrt(W, c), x = d.X, label = d.labels);
  const auto p = fd::random_vector(obj.dimension, 5);
  check_threads(obj, p);
  std::vector<std::size_t> rows(3000);
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = (i * 7919) % 9000;
  check_threads(obj, p, rows);
  BOOST_TEST(fd::gradient_error(obj, p) < 1e-7);
}
