// descent/optim/block/masked.hpp: apply a block only where a mask is set.
//
//   masked<add_weight_decay>{{.weight_decay = 1e-2}, optim::mask(n, [](std::size_t i) {
//       return i < n_weights; })}            // decay the weights, not the biases
// Elsewhere u passes through unchanged (the inner block's state there stays untouched).
// For element-wise blocks (not gates or barriers, whose decision covers all elements).
#ifndef DESCENT_OPTIM_BLOCK_MASKED_HPP
#define DESCENT_OPTIM_BLOCK_MASKED_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

/// A mask of n elements: mask(n, pred) sets element i where pred(i) is true.
template <class Pred>
[[nodiscard]] std::vector<std::uint8_t> mask(std::size_t n, Pred pred) {
  std::vector<std::uint8_t> m(n);
  for (std::size_t i = 0; i < n; ++i) m[i] = pred(i) ? 1 : 0;
  return m;
}
/// A mask of n elements set on [first, first + count).
[[nodiscard]] inline std::vector<std::uint8_t> mask_range(std::size_t n, std::size_t first,
                                                          std::size_t count) {
  return mask(n, [=](std::size_t i) { return i >= first && i < first + count; });
}

template <class Block>
struct masked {
  static_assert(!detail::is_gate<Block>,
                "descent::optim::masked: a gate (accumulate_gradients) decides for all elements "
                "and cannot be masked");
  static_assert(!detail::is_barrier<Block, double> && !detail::is_barrier<Block, float>,
                "descent::optim::masked: a barrier (clip_by_global_norm) cannot be masked");

  static constexpr const char* name = "descent::optim::masked";
  Block inner{};
  std::vector<std::uint8_t> where{};

  static constexpr std::size_t buffers = detail::buffer_count<Block>();
  static constexpr auto buffer_names = [] {
    if constexpr (buffers > 0)
      return Block::buffer_names;
    else
      return std::array<const char*, 0>{};
  }();

  void prepare(const step_context& c) {
    if (where.size() != c.size)
      throw std::invalid_argument("descent::optim::masked: the mask has " +
                                  std::to_string(where.size()) + " elements but there are " +
                                  std::to_string(c.size) + " parameters");
    if constexpr (detail::has_prepare<Block>) inner.prepare(c);
  }
  template <class T>
  void init(std::span<const T> params, std::array<std::span<T>, buffers> b)
    requires detail::has_init<Block, T>
  {
    inner.init(params, b);
  }
  template <class T>
  T apply(T u, T p, slots<T, buffers> s) const {
    return where[s.index] ? static_cast<T>(inner.apply(u, p, s)) : u;
  }
  /// The inner block's state under the block's own names (no "inner." prefix).
  template <class Archive>
  void serialize(Archive& ar) {
    detail::serialize_state(inner, ar);
  }
};

}  // namespace descent::optim

namespace descent::optim::detail {
template <class Block>
struct fields_of<masked<Block>> {
  using B = masked<Block>;
  using list = field_list<DESCENT_OPTIM_FIELD(B, inner), DESCENT_OPTIM_FIELD(B, where)>;
};
}  // namespace descent::optim::detail

#endif  // DESCENT_OPTIM_BLOCK_MASKED_HPP
