#ifndef DESCENT_DATA_SPLIT_HPP
#define DESCENT_DATA_SPLIT_HPP

// Deterministic train/test splits and k-fold cross-validation indices: the same seed gives
// the same rows on every platform and standard library (a Fisher-Yates shuffle driven by
// splitmix64 with unbiased bounded draws, descent/data/random.hpp; std::shuffle and
// std::uniform_int_distribution are implementation-defined).  Index functions return row
// numbers, so that a split can select from several arrays, or feed data/pipeline.hpp.

#include <descent/data/matrix.hpp>
#include <descent/data/random.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace descent::data {

// Fisher-Yates: position i-1 swaps with a uniform position in [0, i), for i = n..2.
inline void shuffle_indices(std::span<std::size_t> idx, splitmix64& g) noexcept {
  for (std::size_t i = idx.size(); i > 1; --i) std::swap(idx[i - 1], idx[uniform_below(g, i)]);
}

// The permutation of 0..n-1 that train_test_split uses for `seed`.
inline std::vector<std::size_t> shuffled_indices(std::size_t n, std::uint64_t seed) {
  std::vector<std::size_t> idx(n);
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  splitmix64 g(seed);
  shuffle_indices(idx, g);
  return idx;
}

struct index_split {
  std::vector<std::size_t> train, test;  // row numbers, disjoint, together 0..n-1
};

// round(test_fraction * n) rows to test, the rest to train, both in shuffled order.
inline index_split train_test_indices(std::size_t n, double test_fraction, std::uint64_t seed) {
  if (!(test_fraction >= 0.0 && test_fraction <= 1.0))
    throw std::invalid_argument("descent::data::train_test_split: test_fraction = " +
                                std::to_string(test_fraction) + " is not in [0, 1]");
  const auto idx = shuffled_indices(n, seed);
  const auto n_test = static_cast<std::size_t>(std::llround(test_fraction * static_cast<double>(n)));
  return {std::vector<std::size_t>(idx.begin() + static_cast<std::ptrdiff_t>(n_test), idx.end()),
          std::vector<std::size_t>(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(n_test))};
}

// k-fold cross-validation: the shuffled rows cut into k consecutive folds (the first n % k
// folds one row larger, as scikit-learn's KFold); fold f tests on its rows and trains on the
// others (in shuffled order).  Every row is tested exactly once.  Needs 2 <= k <= n.
inline std::vector<index_split> k_fold_indices(std::size_t n, std::size_t k, std::uint64_t seed) {
  if (k < 2 || k > n)
    throw std::invalid_argument("descent::data::k_fold_indices: k = " + std::to_string(k) +
                                " folds of " + std::to_string(n) + " rows (need 2 <= k <= rows)");
  const auto idx = shuffled_indices(n, seed);
  std::vector<index_split> folds(k);
  std::size_t begin = 0;
  for (std::size_t f = 0; f < k; ++f) {
    const std::size_t end = begin + n / k + (f < n % k ? 1 : 0);
    auto& fold = folds[f];
    fold.test.assign(idx.begin() + static_cast<std::ptrdiff_t>(begin),
                     idx.begin() + static_cast<std::ptrdiff_t>(end));
    fold.train.reserve(n - (end - begin));
    fold.train.insert(fold.train.end(), idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(begin));
    fold.train.insert(fold.train.end(), idx.begin() + static_cast<std::ptrdiff_t>(end), idx.end());
    begin = end;
  }
  return folds;
}

// The rows `rows` of `all` (features, targets, labels), in that order.
template <class T>
dataset<T> select_rows(const dataset<T>& all, std::span<const std::size_t> rows) {
  const std::size_t d = all.features.cols;
  dataset<T> out;
  out.header = all.header;
  out.classes = all.classes;
  out.source = all.source;
  out.features = matrix<T>(rows.size(), d);
  out.targets.reserve(all.targets.empty() ? 0 : rows.size());
  out.labels.reserve(all.labels.empty() ? 0 : rows.size());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const std::size_t i = rows[k];
    if (i >= all.size())
      throw std::out_of_range("descent::data::select_rows: row " + std::to_string(i) +
                              " (entry " + std::to_string(k) + ") of a data set with " +
                              std::to_string(all.size()) + " rows" +
                              (all.source.empty() ? std::string() : " (" + all.source + ")"));
    const auto src = all.features.row(i);
    std::copy(src.begin(), src.end(), out.features.row(k).begin());
    if (!all.targets.empty()) out.targets.push_back(all.targets[i]);
    if (!all.labels.empty()) out.labels.push_back(all.labels[i]);
  }
  return out;
}

template <class T = double>
struct train_test {
  dataset<T> train, test;
};

// round(test_fraction * n) rows go to the test split, the rest (shuffled) to training.
template <class T>
train_test<T> train_test_split(const dataset<T>& all, double test_fraction, std::uint64_t seed) {
  const auto s = train_test_indices(all.size(), test_fraction, seed);
  return {select_rows(all, s.train), select_rows(all, s.test)};
}

}  // namespace descent::data

#endif
