// descent/optim/block/lookahead.hpp: Lookahead (Zhang, Lucas, Hinton & Ba 2019) around
// the blocks before it.
//
// The parameters are the "fast" weights, moved by the rest of the chain; the block keeps
// the "slow" weights (starting at the initial parameters).  Every k-th step:
//   slow <- slow + alpha (fast - slow);  fast <- slow
// It must be the LAST block: it turns the chain's update u into the one that lands on
// the synchronised point (u <- p - slow).
#ifndef DESCENT_OPTIM_BLOCK_LOOKAHEAD_HPP
#define DESCENT_OPTIM_BLOCK_LOOKAHEAD_HPP

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

struct lookahead {
  static constexpr const char* name = "descent::optim::lookahead";
  /// The chain rejects a lookahead anywhere but last (a static_assert).
  static constexpr bool last_in_chain = true;
  std::uint64_t k = 5;
  double alpha = 0.5;

  static constexpr std::size_t buffers = 1;
  static constexpr std::array<const char*, 1> buffer_names{"slow"};

  // state
  std::uint64_t count_ = 0;
  bool sync_ = false;

  template <class T>
  void init(std::span<const T> params, std::array<std::span<T>, 1> b) const {
    std::copy(params.begin(), params.end(), b[0].begin());
  }
  void prepare(const step_context&) {
    ++count_;
    sync_ = count_ % k == 0;
  }
  template <class T>
  T apply(T u, T p, slots<T, 1> s) const {
    if (!sync_) return u;
    T& slow = s[0];
    const T fast = p - u;
    slow = slow + static_cast<T>(alpha) * (fast - slow);
    return p - slow;
  }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::lookahead, k, alpha, count_);

#endif  // DESCENT_OPTIM_BLOCK_LOOKAHEAD_HPP
