// Wall time to convergence on L2-regularised logistic regression (breast_cancer, 75 %
// training split, standardised, lambda = 1e-2, 31 parameters) for plain gradient descent
// (step 1/L), Adam (learning rate 1e-2) and L-BFGS (m = 10), all through descent::minimize.
// "Converged" = loss within 1e-6 (Arg 6) or 1e-8 (Arg 8) relative of the optimum f*
// (computed once by L-BFGS to |g| < 1e-8).  Caps: 200000 iterations GD, 50000 Adam.
// Counters: iterations and objective evaluations of one run, reached = 1 when the target was
// met before the iteration cap.
//   cmake --preset bench && cmake --build --preset bench --target bench_second_order_logistic
//   build/bench/bench/second_order/bench_second_order_logistic
#include <descent/optim/named.hpp>
#include <descent/second_order/lbfgs.hpp>
#include <descent/train/minimize.hpp>

#include <benchmark/benchmark.h>

#include <string>

#include "../../tests/second_order/support/logistic.hpp"

namespace {

const descent::data::train_test<double>& data() {
  static const auto split = test_problems::breast_cancer_standardized(
      DESCENT_SOURCE_DIR "/data/breast_cancer.csv");
  return split;
}

double optimum() {
  static const double f_star = [] {
    test_problems::logistic_regression f{&data().train};
    std::vector<double> x(f.dimension(), 0.0);
    descent::lbfgs opt;
    return descent::minimize(f, x, opt,
                             descent::max_iterations{1000} || descent::gradient_norm_below{1e-8},
                             descent::minimize_options{})
        .loss;
  }();
  return f_star;
}

// Stops when the loss is within `rel` of f*.
struct loss_within {
  double target;
  template <class T>
  descent::stop_decision check(const descent::iteration_state<T>& s) const {
    if (static_cast<double>(s.loss) > target) return {};
    return {descent::stop_reason::user_rule, "loss within tolerance of the optimum"};
  }
};

template <class MakeMethod>
void run(benchmark::State& state, MakeMethod make, std::size_t cap) {
  const double rel = state.range(0) == 8 ? 1e-8 : 1e-6;  // Arg(6) or Arg(8)
  const double target = optimum() * (1 + rel);
  test_problems::logistic_regression f{&data().train};
  std::size_t iterations = 0, evaluations = 0;
  bool reached = false;
  for (auto _ : state) {
    std::vector<double> x(f.dimension(), 0.0);
    auto method = make();
    const auto r = descent::minimize(f, x, method, descent::max_iterations{cap} || loss_within{target},
                                     descent::minimize_options{});
    benchmark::DoNotOptimize(x.data());
    iterations = r.iterations;
    evaluations = r.evaluations;
    reached = r.reason == descent::stop_reason::user_rule;
  }
  state.counters["iterations"] = static_cast<double>(iterations);
  state.counters["evaluations"] = static_cast<double>(evaluations);
  state.counters["reached"] = reached ? 1.0 : 0.0;
}

void gradient_descent(benchmark::State& state) {
  const double lr = 1.0 / test_problems::logistic_regression{&data().train}.lipschitz();
  run(state, [lr] { return descent::optim::sgd({.learning_rate = lr}); }, 200000);
}
void adam(benchmark::State& state) {
  run(state, [] { return descent::optim::adam({.learning_rate = 1e-2}); }, 50000);
}
void lbfgs(benchmark::State& state) {
  run(state, [] { return descent::lbfgs(); }, 1000);
}

BENCHMARK(gradient_descent)->Arg(6)->Arg(8)->Unit(benchmark::kMillisecond);
BENCHMARK(adam)->Arg(6)->Arg(8)->Unit(benchmark::kMillisecond);
BENCHMARK(lbfgs)->Arg(6)->Arg(8)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
