#ifndef DESCENT_DATA_STANDARDIZE_HPP
#define DESCENT_DATA_STANDARDIZE_HPP

// z-scores: x_ij := (x_ij - mean_j) / sd_j with mean and (population) standard deviation
// fitted on the training split only, then applied unchanged to any other split (fitting on
// the test data would leak it).  Constant columns get sd = 1 (they become 0).

#include <descent/data/matrix.hpp>

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
    standardizer s{std::vector<T>(m.cols, T(0)), std::vector<T>(m.cols, T(0))};
    for (std::size_t i = 0; i < m.rows; ++i)
      for (std::size_t j = 0; j < m.cols; ++j) s.mean[j] += m(i, j);
    for (auto& v : s.mean) v /= static_cast<T>(m.rows);
    for (std::size_t i = 0; i < m.rows; ++i)
      for (std::size_t j = 0; j < m.cols; ++j) {
        const T d = m(i, j) - s.mean[j];
        s.scale[j] += d * d;
      }
    for (auto& v : s.scale) {
      v = std::sqrt(v / static_cast<T>(m.rows));
      if (!(v > T(0))) v = T(1);
    }
    return s;
  }

  void transform(matrix<T>& m) const {
    if (m.cols != mean.size())
      throw std::invalid_argument("descent::data::standardizer::transform: fitted on " +
                                  std::to_string(mean.size()) + " columns, given " +
                                  std::to_string(m.cols));
    for (std::size_t i = 0; i < m.rows; ++i)
      for (std::size_t j = 0; j < m.cols; ++j) m(i, j) = (m(i, j) - mean[j]) / scale[j];
  }
};

}  // namespace descent::data

#endif
