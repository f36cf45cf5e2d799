#ifndef DESCENT_DATA_ONE_HOT_HPP
#define DESCENT_DATA_ONE_HOT_HPP

// One-hot encoding of integer class labels (for softmax cross-entropy) and its inverse,
// the row-wise argmax of scores or probabilities (the predicted labels).

#include <descent/data/matrix.hpp>

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace descent::data {

// rows = labels.size(), cols = classes; row i is 1 at column labels[i], 0 elsewhere.
template <class T = double>
matrix<T> one_hot(std::span<const std::size_t> labels, std::size_t classes) {
  if (classes == 0) throw std::invalid_argument("descent::data::one_hot: classes = 0");
  matrix<T> m(labels.size(), classes, T(0));
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] >= classes)
      throw std::out_of_range("descent::data::one_hot: label " + std::to_string(labels[i]) +
                              " (entry " + std::to_string(i) + ") is not below classes = " +
                              std::to_string(classes));
    m(i, labels[i]) = T(1);
  }
  return m;
}

// The one-hot targets of a data set read with `.classes = k`.
template <class T>
matrix<T> one_hot(const dataset<T>& d) {
  if (d.classes == 0 || d.labels.size() != d.size())
    throw std::invalid_argument("descent::data::one_hot: the data set" +
                                (d.source.empty() ? std::string() : " " + d.source) +
                                " has no class labels (read it with .classes = k)");
  return one_hot<T>(d.labels, d.classes);
}

// For each row, the column of its largest entry (the first one on ties).  A NaN entry is an
// error: it would make the answer arbitrary.
template <class T>
std::vector<std::size_t> argmax_rows(const matrix<T>& scores) {
  if (scores.cols == 0) throw std::invalid_argument("descent::data::argmax_rows: no columns");
  std::vector<std::size_t> out(scores.rows);
  for (std::size_t i = 0; i < scores.rows; ++i) {
    std::size_t best = 0;
    for (std::size_t j = 0; j < scores.cols; ++j) {
      if (scores(i, j) != scores(i, j))
        throw std::invalid_argument("descent::data::argmax_rows: row " + std::to_string(i) +
                                    ", column " + std::to_string(j) + " is NaN");
      if (scores(i, j) > scores(i, best)) best = j;
    }
    out[i] = best;
  }
  return out;
}

}  // namespace descent::data

#endif
