// descent/optim/block/adadelta.hpp: Adadelta (Zeiler 2012), as torch:
//   v <- rho v + (1 - rho) u^2
//   d <- sqrt(a + eps) / sqrt(v + eps) * u
//   a <- rho a + (1 - rho) d^2;   u <- d   (then times the learning rate, 1 by default)
#ifndef DESCENT_OPTIM_BLOCK_ADADELTA_HPP
#define DESCENT_OPTIM_BLOCK_ADADELTA_HPP

#include <array>
#include <cmath>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

struct scale_by_adadelta {
  static constexpr const char* name = "descent::optim::scale_by_adadelta";
  double rho = 0.9;
  double eps = 1e-6;

  static constexpr std::size_t buffers = 2;
  static constexpr std::array<const char*, 2> buffer_names{"square_avg", "acc_delta"};

  template <class T>
  T apply(T u, T, slots<T, 2> s) const {
    const T r = static_cast<T>(rho), one_minus_r = static_cast<T>(1 - rho), e = static_cast<T>(eps);
    T& v = s[0];
    T& acc = s[1];
    v = r * v + one_minus_r * u * u;
    const T d = std::sqrt(acc + e) / std::sqrt(v + e) * u;
    acc = r * acc + one_minus_r * d * d;
    return d;
  }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::scale_by_adadelta, rho, eps);

#endif  // DESCENT_OPTIM_BLOCK_ADADELTA_HPP
