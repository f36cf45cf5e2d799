// descent/simplify/apply.hpp: canonical function applications.
//
// A function may state rewrite rules (exp(0) -> 1, log(exp(a)) -> a, abs(c) -> |c|) by
// specializing rewrite_rule; symmetric functions (min, max,
// logsumexp) get their arguments in canonical order so that max(x, y) and max(y, x) are
// one type.
#ifndef DESCENT_SIMPLIFY_APPLY_HPP
#define DESCENT_SIMPLIFY_APPLY_HPP

#include <descent/simplify/fwd.hpp>

namespace descent::detail {

template <class Fn>
concept symmetric_function = requires { requires Fn::symmetric; };

// Sorted argument list of a symmetric function.
template <class Fn, class... As>
struct sorted_apply {
  static constexpr std::size_t n = sizeof...(As);
  static constexpr std::array<std::size_t, n> order = sorted_order<n>({key_of<As>::value...});
  template <class Seq> struct build;
  template <std::size_t... Is> struct build<std::index_sequence<Is...>> {
    using type = apply<Fn, pack_at<order[Is], As...>...>;
  };
  using type = typename build<std::make_index_sequence<n>>::type;
};

// The node without rewrites (arguments sorted for symmetric functions).
template <class Fn, class... As>
struct default_apply { using type = apply<Fn, As...>; };
template <symmetric_function Fn, class... As>
struct default_apply<Fn, As...> { using type = typename sorted_apply<Fn, As...>::type; };
template <class Fn, class... As>
using default_apply_t = typename default_apply<Fn, As...>::type;

// rewrite_rule<Fn, A...>: a function's simplifications, as partial specializations next to
// the function (exp(0) -> 1, ...); the primary template makes the plain node.
template <class Fn, class... As>
struct rewrite_rule { using type = default_apply_t<Fn, As...>; };

template <class Fn, class... As>
struct make_apply { using type = typename rewrite_rule<Fn, As...>::type; };

}  // namespace descent::detail

#endif
