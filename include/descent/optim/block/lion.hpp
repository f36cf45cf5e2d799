// descent/optim/block/lion.hpp: Lion (Chen et al. 2023, "Symbolic Discovery of
// Optimization Algorithms", Algorithm 2):
//   c <- b1 m + (1 - b1) u;   m <- b2 m + (1 - b2) u;   u <- sign(c)
// (torch 1.13 has no Lion; the reference data come from the paper's update written out.)
#ifndef DESCENT_OPTIM_BLOCK_LION_HPP
#define DESCENT_OPTIM_BLOCK_LION_HPP

#include <array>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

struct scale_by_lion {
  static constexpr const char* name = "descent::optim::scale_by_lion";
  double beta1 = 0.9;
  double beta2 = 0.99;

  static constexpr std::size_t buffers = 1;
  static constexpr std::array<const char*, 1> buffer_names{"exp_avg"};

  template <class T>
  T apply(T u, T, slots<T, 1> s) const {
    const T b1 = static_cast<T>(beta1), b2 = static_cast<T>(beta2);
    T& m = s[0];
    const T c = b1 * m + (1 - b1) * u;
    m = b2 * m + (1 - b2) * u;
    return static_cast<T>((c > 0) - (c < 0));
  }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::scale_by_lion, beta1, beta2);

#endif  // DESCENT_OPTIM_BLOCK_LION_HPP
