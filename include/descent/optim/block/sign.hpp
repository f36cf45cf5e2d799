// descent/optim/block/sign.hpp: u <- sign(u) (signSGD, Bernstein et al. 2018).
#ifndef DESCENT_OPTIM_BLOCK_SIGN_HPP
#define DESCENT_OPTIM_BLOCK_SIGN_HPP

#include <descent/optim/update_rule.hpp>

namespace descent::optim {

struct scale_by_sign {
  static constexpr const char* name = "descent::optim::scale_by_sign";
  template <class T>
  T apply(T u, T, slots<T, 0>) const {
    return static_cast<T>((u > 0) - (u < 0));
  }
};

}  // namespace descent::optim

#endif  // DESCENT_OPTIM_BLOCK_SIGN_HPP
