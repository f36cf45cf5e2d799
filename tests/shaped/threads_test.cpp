// Sums over samples on threads: the same bits for 1, 2, 3 and 4 threads (and for an objective
// that never asked for threads) for value, gradient and Hessian-vector products of a logistic
// regression, and its chunked sum against a plain loop (tests/shaped/threads_support.hpp).
// (Softmax regression on rows and mini-batches: threads_softmax_test.cpp; errors of a worker, the
// worker pool and aligned buffers: threads_workers_test.cpp; split so that no test TU takes more
// than about 6.5 s of g++.)
#include <descent/shaped.hpp>
#include <descent/shaped/objective.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "threads_support.hpp"

using namespace descent::literals;
using namespace threads_support;

// Logistic regression with a penalty: sizes below one chunk, several one-block chunks, and
// chunks of several blocks (more than 64 blocks).
BOOST_AUTO_TEST_CASE(logistic_regression_same_bits_for_any_thread_count) {
  constexpr auto loss = softplus(-(2_c * y - 1_c) * (dot(w, x) + b));
  for (std::size_t n : {100u, 5000u, 70001u}) {
    const data_set d(n);
    const auto obj = descent::make_objective(descent::mean_over_samples(loss) + 1e-3 * sq_norm(w),
                                             descent::wrt(w, b), x = d.X, y = d.Y);
    const auto p = fd::random_vector(obj.dimension, 7);
    check_threads(obj, p);
    // and the chunked sum is the sum: against a plain loop in long double
    std::vector<double> g(p.size());
    const double f = obj(p, g);
    long double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      long double z = p[6];
      for (std::size_t j = 0; j < 6; ++j) z += p[j] * d.X(i, j);
      const long double m = -(2 * d.Y[i] - 1) * z;
      total += std::max(m, 0.0L) + std::log1p(std::exp(-std::abs(m)));
    }
    double penalty = 0;
    for (std::size_t j = 0; j < 6; ++j) penalty += 1e-3 * p[j] * p[j];
    const double expect = static_cast<double>(total / static_cast<long double>(n)) + penalty;
    BOOST_TEST(std::abs(f - expect) <= 1e-13 * std::abs(expect), "n = " << n << ": " << f << " vs " << expect);
  }
}
