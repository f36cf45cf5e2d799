#ifndef DESCENT_DATA_SPLIT_HPP
#define DESCENT_DATA_SPLIT_HPP

// Deterministic train/test split: the same seed gives the same split on every platform and
// standard library (a Fisher-Yates shuffle driven by splitmix64 with unbiased bounded draws;
// std::shuffle and std::uniform_int_distribution are implementation-defined).

#include <descent/data/matrix.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <utility>
#include <vector>

namespace descent::data {

template <class T = double>
struct train_test {
  dataset<T> train, test;
};

namespace detail {
inline std::uint64_t splitmix64(std::uint64_t& state) noexcept {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
// Uniform in [0, bound) without modulo bias (rejection).
inline std::uint64_t bounded(std::uint64_t& state, std::uint64_t bound) noexcept {
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  for (;;) {
    const std::uint64_t r = splitmix64(state);
    if (r < limit) return r % bound;
  }
}
}  // namespace detail

// The permutation of 0..n-1 that train_test_split uses for `seed`.
inline std::vector<std::size_t> shuffled_indices(std::size_t n, std::uint64_t seed) {
  std::vector<std::size_t> idx(n);
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  std::uint64_t state = seed;
  for (std::size_t i = n; i > 1; --i) std::swap(idx[i - 1], idx[detail::bounded(state, i)]);
  return idx;
}

// round(test_fraction * n) rows go to the test split, the rest (shuffled) to training.
template <class T>
train_test<T> train_test_split(const dataset<T>& all, double test_fraction, std::uint64_t seed) {
  if (!(test_fraction >= 0.0 && test_fraction <= 1.0))
    throw std::invalid_argument("descent::data::train_test_split: test_fraction must be in [0, 1]");
  const std::size_t n = all.size(), d = all.features.cols;
  const auto idx = shuffled_indices(n, seed);
  const auto n_test = static_cast<std::size_t>(std::llround(test_fraction * static_cast<double>(n)));
  train_test<T> out;
  auto take = [&](dataset<T>& dst, std::size_t from, std::size_t to) {
    dst.header = all.header;
    dst.features = matrix<T>(to - from, d);
    for (std::size_t k = from; k < to; ++k) {
      const auto src = all.features.row(idx[k]);
      std::copy(src.begin(), src.end(), dst.features.row(k - from).begin());
      if (!all.targets.empty()) dst.targets.push_back(all.targets[idx[k]]);
    }
  };
  take(out.test, 0, n_test);
  take(out.train, n_test, n);
  return out;
}

}  // namespace descent::data

#endif
