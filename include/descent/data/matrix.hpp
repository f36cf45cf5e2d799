#ifndef DESCENT_DATA_MATRIX_HPP
#define DESCENT_DATA_MATRIX_HPP

// A dense row-major matrix: the one shape every numeric interface in descent takes (a
// contiguous span of rows*cols values), plus a data set = features + target vector (and,
// for classification, the targets as integer labels).

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace descent::data {

template <class T = double>
struct matrix {
  std::size_t rows = 0, cols = 0;
  std::vector<T> values;  // row-major, rows * cols

  matrix() = default;
  matrix(std::size_t r, std::size_t c, T fill = T(0)) : rows(r), cols(c), values(r * c, fill) {}

  T& operator()(std::size_t i, std::size_t j) noexcept { return values[i * cols + j]; }
  const T& operator()(std::size_t i, std::size_t j) const noexcept { return values[i * cols + j]; }
  std::span<T> row(std::size_t i) noexcept { return {values.data() + i * cols, cols}; }
  std::span<const T> row(std::size_t i) const noexcept { return {values.data() + i * cols, cols}; }
  std::span<T> span() noexcept { return values; }
  std::span<const T> span() const noexcept { return values; }
};

template <class T = double>
struct dataset {
  matrix<T> features;                // one row per example
  std::vector<T> targets;            // one per row (empty when the file has no target column)
  std::vector<std::string> header;   // fields of the header line, if there was one
  std::vector<std::size_t> labels;   // the targets as class labels, when classes > 0
  std::size_t classes = 0;           // number of classes (0: the target is not a class label)
  std::string source;                // where the data came from (the file name), for messages

  std::size_t size() const noexcept { return features.rows; }
};

}  // namespace descent::data

#endif
