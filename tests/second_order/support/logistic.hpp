// L2-regularised logistic regression on a data set, as a plain value-and-gradient callable
// (until vector expressions exist):  params = (w_1..w_d, b),
//   f = (1/N) sum_i [log(1 + exp(z_i)) - y_i z_i] + lambda/2 |w|^2,   z_i = x_i.w + b
#ifndef DESCENT_TESTS_SECOND_ORDER_LOGISTIC_HPP
#define DESCENT_TESTS_SECOND_ORDER_LOGISTIC_HPP

#include <descent/data.hpp>

#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace test_problems {

struct logistic_regression {
  const descent::data::dataset<double>* data;
  double lambda = 1e-2;
  std::size_t calls = 0;

  std::size_t dimension() const { return data->features.cols + 1; }

  double operator()(std::span<const double> p, std::span<double> g) {
    ++calls;
    const auto& X = data->features;
    const std::size_t n = X.rows, d = X.cols;
    for (std::size_t j = 0; j <= d; ++j) g[j] = 0;
    double f = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double* x = X.values.data() + i * d;
      double z = p[d];
      for (std::size_t j = 0; j < d; ++j) z += x[j] * p[j];
      // log(1 + e^z) computed without overflow
      const double softplus = z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
      const double y = data->targets[i];
      f += softplus - y * z;
      const double s = 1 / (1 + std::exp(-z)) - y;  // d/dz
      for (std::size_t j = 0; j < d; ++j) g[j] += s * x[j];
      g[d] += s;
    }
    const double inv = 1.0 / static_cast<double>(n);
    f *= inv;
    for (std::size_t j = 0; j <= d; ++j) g[j] *= inv;
    for (std::size_t j = 0; j < d; ++j) {
      f += lambda / 2 * p[j] * p[j];
      g[j] += lambda * p[j];
    }
    return f;
  }

  // An upper bound on the gradient's Lipschitz constant: 1/4 lambda_max([X 1]^T [X 1] / N)
  // + lambda, the largest eigenvalue by power iteration (the step size 1/L for plain GD).
  double lipschitz() const {
    const auto& X = data->features;
    const std::size_t n = X.rows, d = X.cols;
    std::vector<double> v(d + 1, 1.0), w(d + 1);
    double ev = 0;
    for (int it = 0; it < 200; ++it) {
      for (auto& e : w) e = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const double* x = X.values.data() + i * d;
        double z = v[d];
        for (std::size_t j = 0; j < d; ++j) z += x[j] * v[j];
        for (std::size_t j = 0; j < d; ++j) w[j] += z * x[j];
        w[d] += z;
      }
      double norm = 0;
      for (auto& e : w) norm += e * e;
      norm = std::sqrt(norm);
      for (std::size_t j = 0; j <= d; ++j) v[j] = w[j] / norm;
      ev = norm;
    }
    return 0.25 * ev / static_cast<double>(n) * 1.01 + lambda;
  }
};

// breast_cancer, split 75/25 with seed 42, standardised with the training split's statistics.
inline descent::data::train_test<double> breast_cancer_standardized(const char* path) {
  auto split = descent::data::train_test_split(descent::data::read_csv(path), 0.25, 42);
  const auto z = descent::data::standardizer<double>::fit(split.train.features);
  z.transform(split.train.features);
  z.transform(split.test.features);
  return split;
}

}  // namespace test_problems

#endif
