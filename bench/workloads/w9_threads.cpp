// W9: thread scaling of one full-batch gradient: the digits MLP (digits.hpp, 64 -> 32 tanh
// -> 10, softmax cross-entropy) over all 1797 rows, value and gradient at the initial
// parameters.  Rows: the hand-written Eigen gradient (one thread), descent on one thread, and
// descent on two threads (obj.threads(2), whose reduction gives the same bits as one thread:
// tests/shaped/threads_test.cpp).  Every row is timed by the wall clock: a thread's CPU time
// would miss the other thread's work.
#include <descent/shaped.hpp>

#include <Eigen/Core>

#include <memory>

#include "digits.hpp"
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

auto digits_objective() {
  using namespace bench;
  constexpr descent::vec<"x", digits_in> x;
  constexpr descent::var<"label"> label;
  constexpr descent::mat<"W1", digits_hidden, digits_in> W1;
  constexpr descent::vec<"b1", digits_hidden> b1;
  constexpr descent::mat<"W2", digits_classes, digits_hidden> W2;
  constexpr descent::vec<"b2", digits_classes> b2;
  constexpr auto logits = W2 * tanh(W1 * x + b1) + b2;
  constexpr auto ce = logsumexp(logits) - logits[label];
  const auto& d = digits();
  using rows = Eigen::Matrix<double, Eigen::Dynamic, digits_in, Eigen::RowMajor>;
  static const Eigen::Map<const rows> X(d.X.data(), static_cast<Eigen::Index>(d.n), digits_in);
  return descent::make_objective(descent::mean_over_samples(ce), descent::wrt(W1, b1, W2, b2), x = X, label = d.y);
}

bench::factory descent_on(std::size_t threads) {
  return [threads] {
    auto obj = std::make_shared<decltype(digits_objective())>(digits_objective());
    obj->threads(threads);
    return bench::value_grad_kernel(bench::digits_initial_parameters(),
                                    [obj](std::span<const double> x, std::span<double> g) { return (*obj)(x, g); });
  };
}

const bench::registrar eigen_row{"W9_threads", "handwritten_simd", eigen_full_batch, {.wall_time = true}};
const bench::registrar one_row{"W9_threads", "descent", descent_on(1), {.wall_time = true}};
const bench::registrar two_row{"W9_threads", "descent_2_threads", descent_on(2), {.wall_time = true}};

}  // namespace
