// descent/shaped/jvp.hpp: directional derivatives (forward mode), and Hessian-vector products.
//
// jvp_t<T, wrt_t<P...>> is the derivative of T along a direction: every parameter P moves
// along direction<P>, a symbol of P's shape whose values the evaluation reads next to P's.
// Applied to a gradient (forward over reverse) it is the Hessian times the direction,
// hvp_t<f, wrt_t<P...>, Q>: Q's part of H v, in matrix form (for the logistic loss,
// mean_over_samples(sigmoid'(z) * dot(x, v) * x)), never the n x n matrix.
#ifndef DESCENT_SHAPED_JVP_HPP
#define DESCENT_SHAPED_JVP_HPP

#include <array>

#include <descent/diff/wrt.hpp>
#include <descent/shaped/vjp.hpp>

namespace descent {

// The direction in which the symbol P moves (a leaf of P's shape).
template <class P>
struct direction : expression_base {
  static constexpr auto storage = [] {
    std::array<char, P::name.size() + 2> s{};
    s[0] = '\x02';  // no user symbol can be named so
    for (std::size_t i = 0; i < P::name.size(); ++i) s[i + 1] = P::name[i];
    return s;
  }();
  static constexpr std::string_view name{storage.data(), P::name.size() + 1};
};

namespace detail {

template <class P> using direction_t = direction<P>;
template <class P> inline constexpr bool is_symbol_v<direction<P>> = true;
template <class P> inline constexpr bool is_shaped_v<direction<P>> = true;
template <class P> struct shape_of<direction<P>> { static constexpr shape value = shape_v<P>; };
template <class P> struct hash_of<direction<P>> { static constexpr std::uint64_t value = mix(11, hash_of<P>::value); };
template <class P> struct key_of<direction<P>> {
  static constexpr order_key value{static_cast<unsigned>(kind::variable), mix(1, key_of<P>::value.a), hash_of<direction<P>>::value};
};

template <class T, class W> struct depends_on_any;
template <class T, class... Ps>
struct depends_on_any<T, wrt_t<Ps...>> : std::bool_constant<any_of({false, depends_v<T, Ps>...})> {};

template <class T, class W, bool = depends_on_any<T, W>::value>
struct jvp { using type = zero; };
template <class T, class W>
using jvp_t = typename jvp<T, W>::type;

template <class T, class... Ps>
  requires(is_var_v<T> || is_symbol_v<T>)
struct jvp<T, wrt_t<Ps...>, true> { using type = direction<T>; };

// ---- scalar nodes ------------------------------------------------------------------------
template <class C, class... Ts, class W>
struct jvp<sum<C, Ts...>, W, true> { using type = add_all_t<jvp_t<Ts, W>...>; };

template <class W, class C, class Seq, class... Fs> struct product_jvp;
template <class W, class C, std::size_t... I, class... Fs>
struct product_jvp<W, C, std::index_sequence<I...>, Fs...> {
  template <std::size_t K, class Seq> struct term;
  template <std::size_t K, std::size_t... J> struct term<K, std::index_sequence<J...>> {
    using type = product_t<C, std::conditional_t<J == K, jvp_t<pack_at<J, Fs...>, W>, pack_at<J, Fs...>>...>;
  };
  using type = add_all_t<typename term<I, std::index_sequence<I...>>::type...>;
};
template <class C, class... Fs, class W>
struct jvp<product<C, Fs...>, W, true> {
  using type = typename product_jvp<W, C, std::index_sequence_for<Fs...>, Fs...>::type;
};
template <class B, class E, class W>
struct jvp<power<B, E>, W, true> {
  using base = product_t<E, power_t<B, sum_t<E, constant<-1>>>, jvp_t<B, W>>;
  using exp = std::conditional_t<is_constant_v<E>, zero, product_t<power<B, E>, jvp_t<E, W>, apply_t<fn::log, B>>>;
  using type = add_t<base, exp>;
};
template <class W, class Fn, class Seq, class... As> struct apply_jvp;
template <class W, class Fn, std::size_t... I, class... As>
struct apply_jvp<W, Fn, std::index_sequence<I...>, As...> {
  using type = add_all_t<product_t<typename Fn::template partial<I, As...>, jvp_t<pack_at<I, As...>, W>>...>;
};
template <class Fn, class... As, class W>
struct jvp<apply<Fn, As...>, W, true> {
  using type = typename apply_jvp<W, Fn, std::index_sequence_for<As...>, As...>::type;
};

// ---- shaped nodes ------------------------------------------------------------------------
template <class L, class R, class W>
struct jvp<op_node<sop::add, L, R>, W, true> { using type = add_t<jvp_t<L, W>, jvp_t<R, W>>; };
template <class L, class R, class W>
struct jvp<op_node<sop::sub, L, R>, W, true> { using type = sub_t<jvp_t<L, W>, jvp_t<R, W>>; };
template <class L, class R, class W>
struct jvp<op_node<sop::mul, L, R>, W, true> { using type = add_t<mul_t<jvp_t<L, W>, R>, mul_t<L, jvp_t<R, W>>>; };
template <class L, class R, class W>
struct jvp<op_node<sop::div, L, R>, W, true> {
  using type = sub_t<div_t<jvp_t<L, W>, R>, div_t<mul_t<L, jvp_t<R, W>>, powc_t<2, 1, R>>>;
};
template <class Fn, class U, class W>
struct jvp<op_node<sop::map<Fn>, U>, W, true> { using type = mul_t<elementwise_partial_t<Fn, U>, jvp_t<U, W>>; };
template <std::intmax_t P, std::intmax_t Q, class U, class W>
struct jvp<op_node<sop::powc<P, Q>, U>, W, true> {
  static constexpr rational e1 = rational{P, Q} - rational{1};
  using type = mul_t<mul_t<constant<P, Q>, powc_t<e1.num, e1.den, U>>, jvp_t<U, W>>;
};
template <class M, class N, class W>
struct jvp<op_node<sop::matmul, M, N>, W, true> { using type = add_t<matmul_t<jvp_t<M, W>, N>, matmul_t<M, jvp_t<N, W>>>; };
template <class U, class W>
struct jvp<op_node<sop::transpose, U>, W, true> { using type = transpose_t<jvp_t<U, W>>; };
template <class U, class V, class W>
struct jvp<op_node<sop::dot, U, V>, W, true> { using type = add_t<dot_t<jvp_t<U, W>, V>, dot_t<U, jvp_t<V, W>>>; };
template <class U, class W>
struct jvp<op_node<sop::sum, U>, W, true> { using type = rsum_t<jvp_t<U, W>>; };
template <class U, class W>
struct jvp<op_node<sop::lse, U>, W, true> { using type = dot_t<softmax_t<U>, jvp_t<U, W>>; };
template <class U, class L, class W>
struct jvp<op_node<sop::at, U, L>, W, true> {
  using type = std::conditional_t<is_zero_v<jvp_t<U, W>>, zero, at_t<jvp_t<U, W>, L>>;
};
template <std::size_t N, class L, class W>
struct jvp<op_node<sop::onehot<N>, L>, W, true> { using type = zero; };
template <std::size_t Off, std::size_t K, class U, class W>
struct jvp<op_node<sop::slice<Off, K>, U>, W, true> { using type = slice_t<Off, K, jvp_t<U, W>>; };
template <std::size_t Off, std::size_t N, class U, class W>
struct jvp<op_node<sop::embed<Off, N>, U>, W, true> { using type = embed_t<Off, N, jvp_t<U, W>>; };
template <std::size_t R, std::size_t C, class S, class W>
struct jvp<op_node<sop::bcast<R, C>, S>, W, true> { using type = bcast_t<R, C, jvp_t<S, W>>; };
template <class U, class W>
struct jvp<op_node<sop::sample_sum, U>, W, true> { using type = sample_sum_t<jvp_t<U, W>>; };
template <class U, class W>
struct jvp<op_node<sop::sample_mean, U>, W, true> { using type = sample_mean_t<jvp_t<U, W>>; };

// Q's part of the Hessian of f times the direction of every parameter in W.
template <class F, class W, class Q>
using hvp_t = jvp_t<gradient_t<F, Q>, W>;

}  // namespace detail
}  // namespace descent

#endif
