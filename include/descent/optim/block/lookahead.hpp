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

#include <descent/optim/detail/validate.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

struct lookahead {
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
  constexpr void validate(const char* who) const {
    detail::check_count(who, "k", k);
    detail::check_unit_closed(who, "alpha", alpha);
  }
  template <class Archive>
  void serialize(Archive& ar) {
    ar("count", count_);
  }
};

}  // namespace descent::optim

#endif  // DESCENT_OPTIM_BLOCK_LOOKAHEAD_HPP
