// descent/optim/block/adamax.hpp: Adamax, Adam's infinity-norm variant (Kingma & Ba 2015,
// sec. 7.1), as torch (eps inside the maximum):
//   m <- b1 m + (1 - b1) u;   n <- max(b2 n, |u| + eps);   u <- m / n / (1 - b1^t)
#ifndef DESCENT_OPTIM_BLOCK_ADAMAX_HPP
#define DESCENT_OPTIM_BLOCK_ADAMAX_HPP

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

struct scale_by_adamax {
  static constexpr const char* name = "descent::optim::scale_by_adamax";
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;

  static constexpr std::size_t buffers = 2;
  static constexpr std::array<const char*, 2> buffer_names{"exp_avg", "exp_inf"};

  // state
  std::uint64_t t_ = 0;
  double inv_bc1_ = 1;

  void prepare(const step_context&) {
    ++t_;
    inv_bc1_ = 1 / (1 - std::pow(beta1, static_cast<double>(t_)));
  }
  template <class T>
  T apply(T u, T, slots<T, 2> s) const {
    const T b1 = static_cast<T>(beta1);
    T& m = s[0];
    T& n = s[1];
    m = b1 * m + (1 - b1) * u;
    n = std::max(static_cast<T>(beta2) * n, std::abs(u) + static_cast<T>(eps));
    return m / n * static_cast<T>(inv_bc1_);
  }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::scale_by_adamax, beta1, beta2, eps, t_, inv_bc1_);

#endif  // DESCENT_OPTIM_BLOCK_ADAMAX_HPP
