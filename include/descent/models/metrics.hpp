#ifndef DESCENT_MODELS_METRICS_HPP
#define DESCENT_MODELS_METRICS_HPP

// Held-out metrics: accuracy and the confusion matrix of class labels; mean squared error
// and the coefficient of determination R^2 of regression predictions.  Mismatched sizes and
// empty inputs throw std::invalid_argument naming both sizes.

#include <descent/data/matrix.hpp>

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>

namespace descent::models {

namespace detail {
inline void check_sizes(const char* fn, std::size_t predicted, std::size_t truth) {
  if (predicted != truth)
    throw std::invalid_argument(std::string("descent::models::") + fn + ": " +
                                std::to_string(predicted) + " predictions for " +
                                std::to_string(truth) + " true values");
  if (truth == 0) throw std::invalid_argument(std::string("descent::models::") + fn + ": no samples");
}

template <class T>
T mse(std::span<const T> predicted, std::span<const T> truth) {
  check_sizes("mean_squared_error", predicted.size(), truth.size());
  T s = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) s += (predicted[i] - truth[i]) * (predicted[i] - truth[i]);
  return s / static_cast<T>(truth.size());
}

template <class T>
T r2(std::span<const T> predicted, std::span<const T> truth) {
  check_sizes("r2_score", predicted.size(), truth.size());
  T mean = 0;
  for (T y : truth) mean += y;
  mean /= static_cast<T>(truth.size());
  T res = 0, tot = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    res += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
    tot += (truth[i] - mean) * (truth[i] - mean);
  }
  if (tot == T(0)) return res == T(0) ? T(1) : T(0);  // constant truth: scikit-learn's convention
  return T(1) - res / tot;
}
}  // namespace detail

// Fraction of rows whose predicted label equals the true one.
inline double accuracy(std::span<const std::size_t> predicted, std::span<const std::size_t> truth) {
  detail::check_sizes("accuracy", predicted.size(), truth.size());
  std::size_t hits = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) hits += predicted[i] == truth[i];
  return static_cast<double>(hits) / static_cast<double>(truth.size());
}

// classes x classes counts: entry (t, p) is the number of rows of true class t predicted as
// p (rows: truth, columns: prediction, as scikit-learn).  A label >= classes is an error.
inline data::matrix<std::size_t> confusion_matrix(std::span<const std::size_t> predicted,
                                                  std::span<const std::size_t> truth,
                                                  std::size_t classes) {
  detail::check_sizes("confusion_matrix", predicted.size(), truth.size());
  data::matrix<std::size_t> m(classes, classes, 0);
  for (std::size_t i = 0; i < truth.size(); ++i) {
    if (predicted[i] >= classes || truth[i] >= classes)
      throw std::invalid_argument("descent::models::confusion_matrix: entry " + std::to_string(i) +
                                  " has label " +
                                  std::to_string(truth[i] >= classes ? truth[i] : predicted[i]) +
                                  (truth[i] >= classes ? " (true)" : " (predicted)") +
                                  ", not below classes = " + std::to_string(classes));
    ++m(truth[i], predicted[i]);
  }
  return m;
}

// mean of (predicted_i - truth_i)^2.
inline double mean_squared_error(std::span<const double> predicted, std::span<const double> truth) {
  return detail::mse(predicted, truth);
}
inline float mean_squared_error(std::span<const float> predicted, std::span<const float> truth) {
  return detail::mse(predicted, truth);
}

// 1 - sum (y - p)^2 / sum (y - mean y)^2; with constant truth, 1 for a perfect prediction
// and 0 otherwise (scikit-learn's convention).
inline double r2_score(std::span<const double> predicted, std::span<const double> truth) {
  return detail::r2(predicted, truth);
}
inline float r2_score(std::span<const float> predicted, std::span<const float> truth) {
  return detail::r2(predicted, truth);
}

}  // namespace descent::models

#endif
