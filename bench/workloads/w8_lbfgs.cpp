// W8_lbfgs: end to end, L2-regularised logistic regression on breast_cancer (75 % training
//   split, standardised, lambda = 1e-2, 31 parameters) from zero to |grad| < 1e-8 with L-BFGS
//   (m = 10).  One step = the whole minimisation.  Both C++ rows run descent::lbfgs through
//   descent::minimize: `handwritten` on the hand-written objective of
//   tests/second_order/support/logistic.hpp (scalar loops), `descent` on the model written as an
//   expression (make_objective, gradient generated); torch_rows.py runs torch.optim.LBFGS
//   (strong Wolfe) to the same stopping rule.  Result: the parameters found (checked against
//   the hand-written row).  (W8_digits, the other end-to-end workload, is in w8_digits.cpp.)
#include <descent/second_order/lbfgs.hpp>
#include <descent/train/minimize.hpp>

#include <memory>

#include "../../tests/second_order/support/logistic.hpp"
#include "descent_rows.hpp"

namespace {

// ---- L-BFGS on breast_cancer ----------------------------------------------------------------
const descent::data::train_test<double>& breast_cancer() {
  static const auto split = test_problems::breast_cancer_standardized(DESCENT_SOURCE_DIR "/data/breast_cancer.csv");
  return split;
}

}  // namespace
namespace bench {
// descent::lbfgs from zero to |grad| < 1e-8 on the objective make() returns (a fresh one each
// run, as a user would build it once per fit).
template <class Make>
kernel lbfgs_kernel(Make make, const char* name) {
  struct state {
    std::vector<double> x;
    std::size_t iterations = 0, evaluations = 0;
  };
  auto s = std::make_shared<state>();
  return {[s, make, name] {
            auto f = make();
            s->x.assign(breast_cancer().train.features.cols + 1, 0.0);
            descent::lbfgs opt;
            const auto r = descent::minimize(f, s->x, opt,
                                             descent::max_iterations{1000} || descent::gradient_norm_below{1e-8},
                                             descent::minimize_options{});
            if (r.reason != descent::stop_reason::gradient_norm)
              throw std::runtime_error(std::string(name) + ": stopped before |grad| < 1e-8");
            s->iterations = r.iterations;
            s->evaluations = r.evaluations;
          },
          [s] { return s->x; },
          [s] {
            return std::map<std::string, double>{{"optimizer_iterations", double(s->iterations)},
                                                 {"objective_evaluations", double(s->evaluations)}};
          }};
}

}  // namespace bench
namespace {
bench::kernel lbfgs_handwritten() {
  return bench::lbfgs_kernel([] { return test_problems::logistic_regression{&breast_cancer().train}; }, "W8_lbfgs/handwritten");
}
const bench::registrar lbfgs_row{"W8_lbfgs", "handwritten", lbfgs_handwritten, {.tolerance = 1e-5}};
const bench::descent_row lbfgs_descent_row{"W8_lbfgs", bench::w8_lbfgs_descent, {.tolerance = 1e-5}};  // defined below
const bool lbfgs_export = (bench::add_export("W8_lbfgs", [](const std::string& d) {
                             const auto& t = breast_cancer().train;
                             bench::write_doubles(d + "/W8_lbfgs.X.bin", t.features.values);
                             bench::write_doubles(d + "/W8_lbfgs.y.bin", t.targets);
                           }), true);

}  // namespace

#if __has_include(<descent/shaped.hpp>)
#include <descent/shaped.hpp>
// ==== W8_lbfgs's descent row: define bench::w8_lbfgs_descent here =============================
namespace bench {
// W8_lbfgs with the model as an expression: the objective of test_problems::logistic_regression
// (mean softplus(z) - y z plus lambda/2 |w|^2, the same lambda), its gradient generated.
kernel w8_lbfgs_descent() {
  return lbfgs_kernel(
      [] {
        constexpr descent::vec<"w", 30> w;
        constexpr descent::var<"b"> b;
        constexpr descent::vec<"x", 30> x;
        constexpr descent::var<"y"> y;
        constexpr auto z = dot(w, x) + b;
        const auto& t = breast_cancer().train;
        const double half_lambda = test_problems::logistic_regression{}.lambda / 2;  // the hand-written row's
        return descent::make_objective(descent::mean_over_samples(softplus(z) - y * z) + half_lambda * sq_norm(w),
                                       descent::wrt(w, b), x = t.features, y = t.targets);
      },
      "W8_lbfgs/descent");
}
}  // namespace bench
#endif
