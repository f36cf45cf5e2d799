// descent/optim/block/weight_decay.hpp: u <- u + weight_decay * p.
//
// The same arithmetic in two places of a chain, two names so that a chain says which:
// add_weight_decay first (coupled, L2 regularisation folded into the gradient, as
// torch's `weight_decay` of SGD/Adam/...), add_decayed_weights after the adaptive scaling
// and before the learning rate (decoupled, AdamW: Loshchilov & Hutter 2019), which makes
// p <- p - lr * (adam(g) + wd * p) = (1 - lr * wd) p - lr * adam(g).
#ifndef DESCENT_OPTIM_BLOCK_WEIGHT_DECAY_HPP
#define DESCENT_OPTIM_BLOCK_WEIGHT_DECAY_HPP

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

/// Coupled weight decay (L2 into the gradient): put it first in a chain.
struct add_weight_decay {
  static constexpr const char* name = "descent::optim::add_weight_decay";
  double weight_decay = 0;
  template <class T>
  T apply(T u, T p, slots<T, 0>) const {
    return u + static_cast<T>(weight_decay) * p;
  }
};

/// Decoupled weight decay (AdamW, Lion): put it after the scaling, before the rate.
struct add_decayed_weights {
  static constexpr const char* name = "descent::optim::add_decayed_weights";
  double weight_decay = 0;
  template <class T>
  T apply(T u, T p, slots<T, 0>) const {
    return u + static_cast<T>(weight_decay) * p;
  }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::add_weight_decay, weight_decay);
DESCENT_OPTIM_STRUCT(descent::optim::add_decayed_weights, weight_decay);

#endif  // DESCENT_OPTIM_BLOCK_WEIGHT_DECAY_HPP
