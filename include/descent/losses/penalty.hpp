// descent/losses/penalty.hpp: penalties on parameters (added to a mean over samples).
//
//   l1_penalty(w)   sum |w_i|   (lasso; its derivative is sign(w))
//   l2_penalty(w)   sum w_i^2   (ridge / weight decay; its derivative is 2 w)
//
//   mean_over_samples(loss) + 1e-3 * l2_penalty(w)
#ifndef DESCENT_LOSSES_PENALTY_HPP
#define DESCENT_LOSSES_PENALTY_HPP

#include <descent/shaped/operators.hpp>

namespace descent::losses {

struct l1_penalty_fn {
  template <class W>
  constexpr auto operator()(const W& w) const {
    if constexpr (descent::detail::shaped_expression<W>) return l1_norm(w);
    else return abs(w);
  }
};
struct l2_penalty_fn {
  template <class W>
  constexpr auto operator()(const W& w) const {
    if constexpr (descent::detail::shaped_expression<W>) return sq_norm(w);
    else return sq(w);
  }
};

inline constexpr l1_penalty_fn l1_penalty{};
inline constexpr l2_penalty_fn l2_penalty{};

}  // namespace descent::losses

#endif
