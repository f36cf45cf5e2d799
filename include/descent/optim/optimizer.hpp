// descent/optim/optimizer.hpp: what a whole optimizer provides (docs/design/interfaces.md).
#ifndef DESCENT_OPTIM_OPTIMIZER_HPP
#define DESCENT_OPTIM_OPTIMIZER_HPP

#include <span>

#include <descent/optim/update_rule.hpp>

namespace descent::optim {

/// O updates parameters of type T in place from their gradients, keeps its state inside,
/// and can save/restore that state:
///   opt.step(params, grads);          // p <- p - update(g)
///   opt.step(params, grads, loss);    // the same; blocks that want the loss see it
///   opt.serialize(ar);                // ar("name", value) for every piece of state
/// Every chain (named or custom) and param_groups satisfy it.
template <class O, class T>
concept optimizer = requires(O& o, std::span<T> p, std::span<const T> g, T loss,
                             detail::archive_archetype& ar) {
  o.step(p, g);
  o.step(p, g, loss);
  o.serialize(ar);
};

}  // namespace descent::optim

#endif  // DESCENT_OPTIM_OPTIMIZER_HPP
