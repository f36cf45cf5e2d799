#ifndef DESCENT_DATA_STANDARDIZE_HPP
#define DESCENT_DATA_STANDARDIZE_HPP

// z-scores: x_ij := (x_ij - mean_j) / sd_j with mean and (population) standard deviation
// fitted on the training split only, then applied unchanged to any other split (fitting on
// the test data would leak it).
// - A constant column (all values equal) gets mean = that value and scale 1: it becomes
//   exactly 0 (the naive mean of 0.1, 0.1, 0.1 is off by an ulp and would give a scale of
//   1e-17 and values of -1).
// - Columns whose squares overflow or underflow (|x| ~ 1e200 or 1e-200) are fitted in
//   rescaled form, exactly; a mean or scale that is not representable, and a transformed
//   value that overflows, are errors naming row and column (0-based, as in the matrix).
//   So are NaN / Inf entries.

#include <descent/data/matrix.hpp>
#include <descent/data/split.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace descent::data {

template <class T = double>
struct standardizer {
  std::vector<T> mean, scale;

  static standardizer fit(const matrix<T>& m) {
    if (m.rows == 0) throw std::invalid_argument("descent::data::standardizer::fit: no rows");
    standardizer s{std::vector<T>(m.cols, T(0)), std::vector<T>(m.cols, T(1))};
    const auto n = static_cast<T>(m.rows);
    for (std::size_t j = 0; j < m.cols; ++j) {
      T lo = m(0, j), hi = m(0, j), big = T(0);
      for (std::size_t i = 0; i < m.rows; ++i) {
        const T x = m(i, j);
        if (!std::isfinite(x))
          throw std::invalid_argument("descent::data::standardizer::fit: row " +
                                      std::to_string(i) + ", column " + std::to_string(j) +
                                      " is " + (std::isnan(x) ? "NaN" : "infinite"));
        lo = std::min(lo, x);
        hi = std::max(hi, x);
        big = std::max(big, std::abs(x));
      }
      if (lo == hi) {  // constant: documented as scale 1, and exactly 0 after transform
        s.mean[j] = lo;
        continue;
      }
      T sum = 0;
      for (std::size_t i = 0; i < m.rows; ++i) sum += m(i, j);
      T mu = sum / n, ss = 0;
      for (std::size_t i = 0; i < m.rows; ++i) ss += (m(i, j) - mu) * (m(i, j) - mu);
      T sd = std::sqrt(ss / n);
      if (!std::isfinite(mu) || !std::isfinite(sd) || !(sd > T(0))) {
        // the squares overflowed or underflowed: the same in units of the largest |x|
        T su = 0, sq = 0;
        for (std::size_t i = 0; i < m.rows; ++i) su += m(i, j) / big;
        const T mu_u = su / n;
        for (std::size_t i = 0; i < m.rows; ++i) {
          const T d = m(i, j) / big - mu_u;
          sq += d * d;
        }
        mu = mu_u * big;
        sd = std::sqrt(sq / n) * big;
        if (!std::isfinite(mu) || !std::isfinite(sd) || !(sd > T(0)))
          throw std::invalid_argument(
              "descent::data::standardizer::fit: column " + std::to_string(j) +
              ": the standard deviation " + (std::isfinite(sd) ? "underflows" : "overflows") +
              " (values from " + std::to_string(lo) + " to " + std::to_string(hi) + ")");
      }
      s.mean[j] = mu;
      s.scale[j] = sd;
    }
    return s;
  }

  void transform(matrix<T>& m) const {
    if (m.cols != mean.size())
      throw std::invalid_argument("descent::data::standardizer::transform: fitted on " +
                                  std::to_string(mean.size()) + " columns, given " +
                                  std::to_string(m.cols));
    for (std::size_t i = 0; i < m.rows; ++i)
      for (std::size_t j = 0; j < m.cols; ++j) {
        const T x = m(i, j), z = (x - mean[j]) / scale[j];
        if (!std::isfinite(z))
          throw std::invalid_argument(
              "descent::data::standardizer::transform: row " + std::to_string(i) +
              ", column " + std::to_string(j) + ": " +
              (std::isfinite(x) ? "(x - mean) / scale overflows for x = " + std::to_string(x)
                                : std::string(std::isnan(x) ? "the value is NaN"
                                                            : "the value is infinite")));
        m(i, j) = z;
      }
  }
};

// Fits on split.train.features and transforms both splits' features; returns the fit (to
// apply to new data later).
template <class T>
standardizer<T> standardize(train_test<T>& split) {
  auto s = standardizer<T>::fit(split.train.features);
  s.transform(split.train.features);
  s.transform(split.test.features);
  return s;
}

}  // namespace descent::data

#endif
