// Breast cancer (Wisconsin diagnostic, 569 tumours, 30 features, 2 classes): L2-regularised
// logistic regression, written as an expression (objective.cpp), fitted by L-BFGS and by
// Newton's method with the exact Hessian (from Hessian-vector products of the generated
// derivatives).  This is the flagship (scripts/example): it prints the loss and a derivative
// of it, the training progress of both methods and the held-out accuracy.
#include <descent/data.hpp>
#include <descent/models/metrics.hpp>
#include <descent/second_order/lbfgs.hpp>
#include <descent/second_order/newton.hpp>
#include <descent/train/minimize.hpp>
#include <descent/train/progress_bar.hpp>
#include <descent/train/stop.hpp>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "model.hpp"

int main() {
  auto all = descent::data::read_csv("data/breast_cancer.csv", {.classes = 2});
  auto split = descent::data::train_test_split(all, 0.25, 42);
  descent::data::standardize(split);  // fitted on the training rows only
  std::printf("breast_cancer: %zu training and %zu test tumours, 30 features (standardised)\n",
              split.train.size(), split.test.size());
  std::printf("loss(w, b)   = mean_over_samples(%s) + 1e-3*|w|^2\n", breast_cancer::loss_text().c_str());
  std::printf("d loss / d w = %s\n", breast_cancer::gradient_text().c_str());

  const auto obj = breast_cancer::objective(split.train.features, split.train.targets);
  const auto stop = descent::max_iterations{200} || descent::gradient_norm_below{1e-8};

  std::vector<double> p_lbfgs(breast_cancer::dimension, 0.0);
  descent::lbfgs lbfgs;
  const auto r1 = descent::minimize(obj, p_lbfgs, lbfgs, stop, descent::progress_bar{});
  std::printf("L-BFGS: %zu iterations, %zu evaluations, loss %.12f, |grad| %.1e\n", r1.iterations, r1.evaluations,
              r1.loss, r1.grad_norm);

  std::vector<double> p_newton(breast_cancer::dimension, 0.0);
  descent::newton newton;  // uses obj.hessian(x, h): the exact Hessian
  const auto r2 = descent::minimize(obj, p_newton, newton, stop, descent::progress_bar{});
  std::printf("Newton: %zu iterations, %zu evaluations, loss %.12f, |grad| %.1e\n", r2.iterations, r2.evaluations,
              r2.loss, r2.grad_norm);
  std::printf("losses agree to %.1e (relative)\n", std::abs(r1.loss - r2.loss) / std::abs(r2.loss));

  const auto accuracy = [&](const std::vector<double>& p) {
    return descent::models::accuracy(breast_cancer::classify(p, split.test.features), split.test.labels);
  };
  std::printf("Newton test accuracy: %.4f\n", accuracy(p_newton));
  std::printf("test_accuracy: %.4f\n", accuracy(p_lbfgs));
}
