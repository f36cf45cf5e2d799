// descent/eval/arguments.hpp: the bindings after wrt(...) of an objective, split into the
// scalar bindings (`lambda = 0.1`, a binding_set) and the data columns (`x = xs`, a
// column_set), each gathered into one object.  Split by type-list concatenation and
// gathered by base-class assignment: cheaper to compile than hana::partition / filter /
// unpack (measured: docs/design/architecture.md, "Argument handling").
#ifndef DESCENT_EVAL_ARGUMENTS_HPP
#define DESCENT_EVAL_ARGUMENTS_HPP

#include <type_traits>

#include <descent/core/type_list.hpp>
#include <descent/eval/columns.hpp>
#include <descent/eval/context.hpp>

namespace descent::detail {

template <class... Args>
struct split_arguments {
  template <class A>
  using as_scalar = std::conditional_t<is_binding_v<A>, type_list<A>, type_list<>>;
  template <class A>
  using as_column = std::conditional_t<is_column_v<A>, type_list<A>, type_list<>>;
  using scalars = apply_list_t<binding_set, concat_t<as_scalar<Args>...>>;
  using columns = apply_list_t<column_set, concat_t<as_column<Args>...>>;
  // Whether every argument is a binding or a data column (the callers say so in their
  // own words when not).
  static constexpr bool valid = ((is_binding_v<Args> || is_column_v<Args>) && ...);
};

template <class Set, class A>
constexpr void assign_if_base(Set& s, const A& a) {
  if constexpr (std::is_base_of_v<A, Set>) static_cast<A&>(s) = a;
}
// The Set (a binding_set or column_set) holding those of args that are its bases.
template <class Set, class... Args>
constexpr Set gather(const Args&... args) {
  Set s{};
  ((void)assign_if_base(s, args), ...);
  return s;
}

}  // namespace descent::detail

#endif
