// Diabetes (442 patients, 10 baseline measurements, disease progression after a year):
// linear regression fitted by full-batch gradient descent through descent::minimize, checked
// against the closed-form least-squares solution (Eigen's QR, closed_form.cpp), on
// standardised features.
#include <descent/data.hpp>
#include <descent/models/linear.hpp>
#include <descent/models/metrics.hpp>
#include <descent/models/predict.hpp>
#include <descent/optim/named.hpp>
#include <descent/shaped.hpp>
#include <descent/train/minimize.hpp>
#include <descent/train/progress_bar.hpp>
#include <descent/train/stop.hpp>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "closed_form.hpp"

using model = descent::models::linear_regression<10>;

int main() {
  auto all = descent::data::read_csv_xy("data/diabetes_data_raw.csv.gz", "data/diabetes_target.csv.gz", {.delimiter = ' '});
  auto split = descent::data::train_test_split(all, 0.25, 42);
  descent::data::standardize(split);
  const std::size_t n = split.train.size();
  std::printf("diabetes: %zu training and %zu test patients, 10 features (standardised)\n", n, split.test.size());
  std::printf("loss = mean_over_samples(%s)\n", std::string(descent::to_string(model::loss)).c_str());
  std::printf("d loss / d w = %s\n", std::string(descent::to_string(descent::d(model::loss, model::w))).c_str());

  const auto obj = descent::make_objective(descent::mean_over_samples(model::loss), model::params,
                                           model::x = split.train.features, model::y = split.train.targets);

  // Gradient descent; the Hessian of the mean squared error is (2/n) [X 1]^T [X 1], whose
  // largest eigenvalue on these standardised features is below 10: a step of 0.1 is stable.
  std::vector<double> p = model::initial_parameters();
  auto gd = descent::optim::sgd({.learning_rate = 0.1});
  const auto r = descent::minimize(obj, p, gd, descent::max_iterations{20'000} || descent::gradient_norm_below{1e-9},
                                   descent::progress_bar{});
  std::printf("gradient descent: %zu iterations, loss %.10f, |grad| %.1e\n", r.iterations, r.loss, r.grad_norm);

  // Closed form: least squares on [X 1] by Householder QR (closed_form.cpp).
  const std::vector<double> q = least_squares(split.train.features, split.train.targets);
  const double exact_loss = obj.value(std::span<const double>(q));
  double dmax = 0;
  for (std::size_t k = 0; k < 11; ++k) dmax = std::max(dmax, std::abs(p[k] - q[k]));
  std::printf("closed form: loss %.10f; largest parameter difference %.1e\n", exact_loss, dmax);
  std::printf("losses agree to %.1e (relative)\n", std::abs(r.loss - exact_loss) / exact_loss);

  const Eigen::VectorXd yhat = descent::models::predict(model::prediction, model::params, p, model::x = split.test.features);
  const std::vector<double> pred(yhat.data(), yhat.data() + yhat.size());
  std::printf("test_mse: %.1f\n", descent::models::mean_squared_error(pred, split.test.targets));
  std::printf("test_r2: %.4f\n", descent::models::r2_score(pred, split.test.targets));
}
