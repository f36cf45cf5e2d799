// descent/optim/block/adagrad.hpp: Adagrad scaling (Duchi, Hazan & Singer 2011).
//   s <- s + u^2  (s starts at initial_accumulator_value);  u <- u / (sqrt(s) + eps)
#ifndef DESCENT_OPTIM_BLOCK_ADAGRAD_HPP
#define DESCENT_OPTIM_BLOCK_ADAGRAD_HPP

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

struct scale_by_adagrad {
  static constexpr const char* name = "descent::optim::scale_by_adagrad";
  double initial_accumulator_value = 0;
  double eps = 1e-10;

  static constexpr std::size_t buffers = 1;
  static constexpr std::array<const char*, 1> buffer_names{"sum"};

  template <class T>
  void init(std::span<const T>, std::array<std::span<T>, 1> b) const {
    std::fill(b[0].begin(), b[0].end(), static_cast<T>(initial_accumulator_value));
  }
  template <class T>
  T apply(T u, T, slots<T, 1> s) const {
    T& sum = s[0];
    sum = sum + u * u;
    return u / (std::sqrt(sum) + static_cast<T>(eps));
  }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::scale_by_adagrad, initial_accumulator_value, eps);

#endif  // DESCENT_OPTIM_BLOCK_ADAGRAD_HPP
