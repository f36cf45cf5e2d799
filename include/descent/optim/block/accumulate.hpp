// descent/optim/block/accumulate.hpp: gradient accumulation over k steps.
//
// Steps 1..k-1 of every k only add u into an accumulator (the rest of the chain does not
// run and the parameters do not move); every k-th step passes the average of the k
// updates on and clears the accumulator (Optax MultiSteps).  A gate: put it first.
#ifndef DESCENT_OPTIM_BLOCK_ACCUMULATE_HPP
#define DESCENT_OPTIM_BLOCK_ACCUMULATE_HPP

#include <array>
#include <cstdint>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

struct accumulate_gradients {
  static constexpr const char* name = "descent::optim::accumulate_gradients";
  std::uint64_t k = 1;

  static constexpr std::size_t buffers = 1;
  static constexpr std::array<const char*, 1> buffer_names{"accumulated"};

  // state
  std::uint64_t count_ = 0;
  bool emit_ = false;

  bool prepare(const step_context&) {
    ++count_;
    emit_ = count_ % k == 0;
    return emit_;
  }
  template <class T>
  T apply(T u, T, slots<T, 1> s) const {
    T& acc = s[0];
    if (!emit_) {
      acc += u;
      return u;
    }
    const T mean = (acc + u) / static_cast<T>(k);
    acc = 0;
    return mean;
  }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::accumulate_gradients, k, count_);

#endif  // DESCENT_OPTIM_BLOCK_ACCUMULATE_HPP
