// descent/optim/update_rule.hpp: what a building block of an optimizer provides.
//
// An optimizer is a chain of blocks (descent::optim::chain).  Each step, the chain takes
// the gradient g as the first "update" u, passes u through every block in order, and
// subtracts the result from the parameters: p <- p - u.  A block is a small aggregate with
// its hyperparameters (designated initializers) and its scalar state; its per-element state
// lives in `buffers` vectors of the parameter type T owned by the chain, so one block type
// serves float and double.  The chain fuses all blocks into one loop over the elements.
//
//   struct my_block {                                  // the least a block needs:
//     template <class T>
//     T apply(T u, T p, descent::optim::slots<T, 0>) const { return u; }
//   };
//
// Optional members, found by the chain when present:
//   static constexpr std::size_t buffers = N;           // per-element state vectors (T)
//   static constexpr std::array<const char*, N> buffer_names;   // their checkpoint names
//   void prepare(const step_context&);                  // once per step, before the loop
//   bool prepare(const step_context&);                  //   ... false: later blocks skip
//                                                       //   this step (a "gate")
//   template <class T> void reduce(std::span<const T> u);   // sees the whole input first
//                                                       //   (a "barrier": global norms)
//   template <class T> void init(std::span<const T> params,
//                                std::array<std::span<T>, N> buffers);  // default: zeros
//   static constexpr const char* name = "...";          // for messages and to_string
//   static constexpr bool last_in_chain = true;          // only as the last block (lookahead)
//   constexpr void validate(const char* who) const;     // rules between hyperparameters
//   template <class Archive> void serialize(Archive&);  // scalar state for checkpoints
// A block whose fields are listed with DESCENT_OPTIM_STRUCT (see
// descent/optim/detail/fields.hpp) needs neither validate nor serialize for its fields:
// the chain checks every hyperparameter by the rule of its name and saves every field
// whose name ends in '_'.
#ifndef DESCENT_OPTIM_UPDATE_RULE_HPP
#define DESCENT_OPTIM_UPDATE_RULE_HPP

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>

namespace descent::optim {

/// What every block sees once per step, before the element loop.
struct step_context {
  std::uint64_t step;  ///< this chain's step, 1-based, counting every call of step()
  std::size_t size;    ///< number of parameters
  double loss;         ///< loss at the parameters before the step; NaN when not given
  [[nodiscard]] constexpr bool has_loss() const noexcept { return loss == loss; }
};

/// One element's view of a block's state buffers: s[k] is element i of buffer k.
template <class T, std::size_t N>
struct slots {
  std::array<T*, N> base;
  std::size_t index;
  constexpr T& operator[](std::size_t k) const noexcept { return base[k][index]; }
};

namespace detail {

template <class B>
constexpr std::size_t buffer_count() {
  if constexpr (requires { B::buffers; })
    return static_cast<std::size_t>(B::buffers);
  else
    return 0;
}

template <class B>
concept names_buffers = buffer_count<B>() == 0 || requires {
  { B::buffer_names[0] } -> std::convertible_to<const char*>;
  requires std::size(B::buffer_names) == buffer_count<B>();
};

/// Archetype of an archive, for concept checks: ar("name", value).
struct archive_archetype {
  template <class V>
  void operator()(const char*, V&) {}
};

}  // namespace detail

/// B is a block of an optimizer over parameters of type T (float or double): it turns
/// the incoming update u (with the parameter p beside it) into the outgoing update.
template <class B, class T>
concept update_rule =
    std::is_object_v<B> && std::copy_constructible<B> && std::floating_point<T> &&
    detail::names_buffers<B> &&
    requires(const B& b, T u, T p, slots<T, detail::buffer_count<B>()> s) {
      { b.apply(u, p, s) } -> std::convertible_to<T>;
    };

/// B is a block: an update rule over double or float parameters (or both).  A chain of
/// anything else is rejected when the chain type is instantiated.
template <class B>
concept block = update_rule<B, double> || update_rule<B, float>;

namespace detail {

template <class B>
concept last_in_chain = requires {
  requires static_cast<bool>(B::last_in_chain);
};

template <class B>
concept has_prepare = requires(B& b, const step_context& c) { b.prepare(c); };
template <class B>
concept is_gate = requires(B& b, const step_context& c) {
  { b.prepare(c) } -> std::same_as<bool>;
};
template <class B, class T>
concept is_barrier = requires(B& b, std::span<const T> u) { b.template reduce<T>(u); };
template <class B, class T>
concept has_init = requires(B& b, std::span<const T> p,
                            std::array<std::span<T>, buffer_count<B>()> bufs) {
  b.init(p, bufs);
};
template <class B>
concept has_validate = requires(const B& b) { b.validate("who"); };
template <class B>
concept has_serialize = requires(B& b, archive_archetype& ar) { b.serialize(ar); };

}  // namespace detail

}  // namespace descent::optim

#endif  // DESCENT_OPTIM_UPDATE_RULE_HPP
