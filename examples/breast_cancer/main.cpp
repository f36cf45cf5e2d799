// Breast cancer (Wisconsin diagnostic, 569 tumours, 30 features, 2 classes): L2-regularised
// logistic regression, written as an expression, fitted by L-BFGS and by Newton's method
// with the exact Hessian (from Hessian-vector products of the generated derivatives).
// This is the flagship (scripts/example): it prints the loss and a derivative of it, the
// training progress of both methods and the held-out accuracy.
#include <descent/data.hpp>
#include <descent/losses.hpp>
#include <descent/models/logistic.hpp>
#include <descent/models/metrics.hpp>
#include <descent/models/predict.hpp>
#include <descent/second_order/lbfgs.hpp>
#include <descent/second_order/newton.hpp>
#include <descent/shaped.hpp>
#include <descent/train/minimize.hpp>
#include <descent/train/progress_bar.hpp>
#include <descent/train/stop.hpp>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

using model = descent::models::logistic_regression<30>;

// The objective: mean binary cross-entropy from the logit, plus lambda |w|^2.
constexpr auto loss = model::loss;
static_assert(descent::to_string(descent::d(loss, model::w)) == "(-y + sigmoid(b + dot(w, x)))*x");

int main() {
  auto all = descent::data::read_csv("data/breast_cancer.csv", {.classes = 2});
  auto split = descent::data::train_test_split(all, 0.25, 42);
  descent::data::standardize(split);  // fitted on the training rows only
  std::printf("breast_cancer: %zu training and %zu test tumours, 30 features (standardised)\n",
              split.train.size(), split.test.size());
  std::printf("loss(w, b)   = mean_over_samples(%s) + 1e-3*|w|^2\n", std::string(descent::to_string(loss)).c_str());
  std::printf("d loss / d w = %s\n", std::string(descent::to_string(descent::d(loss, model::w))).c_str());

  const auto obj = descent::make_objective(descent::mean_over_samples(model::loss) + 1e-3 * descent::losses::l2_penalty(model::w),
                                           model::params, model::x = split.train.features, model::y = split.train.targets);
  const auto stop = descent::max_iterations{200} || descent::gradient_norm_below{1e-8};

  std::vector<double> p_lbfgs = model::initial_parameters();
  descent::lbfgs lbfgs;
  const auto r1 = descent::minimize(obj, p_lbfgs, lbfgs, stop, descent::progress_bar{});
  std::printf("L-BFGS: %zu iterations, %zu evaluations, loss %.12f, |grad| %.1e\n", r1.iterations, r1.evaluations,
              r1.loss, r1.grad_norm);

  std::vector<double> p_newton = model::initial_parameters();
  descent::newton newton;
  const auto r2 = descent::minimize(obj, p_newton, newton, stop, descent::progress_bar{});
  std::printf("Newton: %zu iterations, %zu evaluations, loss %.12f, |grad| %.1e\n", r2.iterations, r2.evaluations,
              r2.loss, r2.grad_norm);
  std::printf("losses agree to %.1e (relative)\n", std::abs(r1.loss - r2.loss) / std::abs(r2.loss));

  const auto accuracy = [&](const std::vector<double>& p) {
    const auto cls = descent::models::predict_classes(model::logit, model::params, p, model::x = split.test.features);
    return descent::models::accuracy(cls, split.test.labels);
  };
  std::printf("Newton test accuracy: %.4f\n", accuracy(p_newton));
  std::printf("test_accuracy: %.4f\n", accuracy(p_lbfgs));
}
