// W9: thread scaling of one full-batch gradient: the digits MLP (digits.hpp, 64 -> 32 tanh
// -> 10, softmax cross-entropy) over all 1797 rows, value and gradient at the initial
// parameters.  Rows: the hand-written Eigen gradient (one thread), descent on one thread, and
// descent on two threads (obj.threads(2), whose reduction gives the same bits as one thread:
// tests/shaped/threads_test.cpp).  Every row is timed by the wall clock: a thread's CPU time
// would miss the other thread's work.
#include <memory>

#include "digits.hpp"
#include "digits_objective.hpp"
#include "harness.hpp"

namespace {

bench::kernel eigen_full_batch() {
  return bench::value_grad_kernel(bench::digits_initial_parameters(), [](std::span<const double> x, std::span<double> g) {
    thread_local std::vector<double> p, gv(bench::digits_params);
    p.assign(x.begin(), x.end());
    const double f = bench::batch_gradient(p, 0, bench::digits().n, gv);
    std::copy(gv.begin(), gv.end(), g.begin());
    return f;
  });
}

bench::factory descent_on(std::size_t threads) {
  return [threads] {
    auto obj = std::make_shared<decltype(bench::digits_objective())>(bench::digits_objective());
    obj->threads(threads);
    return bench::value_grad_kernel(bench::digits_initial_parameters(),
                                    [obj](std::span<const double> x, std::span<double> g) { return (*obj)(x, g); });
  };
}

const bench::registrar eigen_row{"W9_threads", "handwritten_simd", eigen_full_batch, {.wall_time = true}};
const bench::registrar one_row{"W9_threads", "descent", descent_on(1), {.wall_time = true}};
const bench::registrar two_row{"W9_threads", "descent_2_threads", descent_on(2), {.wall_time = true}};

}  // namespace
