// descent/optim/block/rms.hpp: RMSProp scaling (Hinton, Coursera lecture 6e, 2012),
// plain and centered (Graves 2013), as torch:
//   v <- alpha v + (1 - alpha) u^2
//   centered: a <- alpha a + (1 - alpha) u,  u <- u / (sqrt(v - a^2) + eps)
//   plain:                                    u <- u / (sqrt(v) + eps)
#ifndef DESCENT_OPTIM_BLOCK_RMS_HPP
#define DESCENT_OPTIM_BLOCK_RMS_HPP

#include <array>
#include <cmath>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

struct scale_by_rms {
  static constexpr const char* name = "descent::optim::scale_by_rms";
  double alpha = 0.99;
  double eps = 1e-8;
  bool centered = false;

  static constexpr std::size_t buffers = 2;
  static constexpr std::array<const char*, 2> buffer_names{"square_avg", "grad_avg"};

  template <class T>
  T apply(T u, T, slots<T, 2> s) const {
    const T a = static_cast<T>(alpha), one_minus_a = static_cast<T>(1 - alpha);
    T& v = s[0];
    v = a * v + one_minus_a * u * u;
    if (centered) {
      T& mean = s[1];
      mean = a * mean + one_minus_a * u;
      return u / (std::sqrt(v - mean * mean) + static_cast<T>(eps));
    }
    return u / (std::sqrt(v) + static_cast<T>(eps));
  }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::scale_by_rms, alpha, eps, centered);

#endif  // DESCENT_OPTIM_BLOCK_RMS_HPP
