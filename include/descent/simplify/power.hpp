// descent/simplify/power.hpp: canonical powers.
//
// x^0 -> 1, x^1 -> x, exact powers of rationals (including exact roots: 4^(1/2) -> 2),
// (x^a)^n -> x^(a n) and (c x y)^n -> c^n x^n y^n for integer n.  Non-integer powers of
// powers or products are left alone: (x^2)^(1/2) is |x|, not x.
#ifndef DESCENT_SIMPLIFY_POWER_HPP
#define DESCENT_SIMPLIFY_POWER_HPP

#include <descent/simplify/fwd.hpp>
#include <descent/simplify/product.hpp>
#include <descent/simplify/sum.hpp>

namespace descent::detail {

// Exact value of (N/D)^(P/Q) when it is rational; ok == false otherwise.
struct exact_power_result {
  bool ok = false;
  rational value{};
};
constexpr exact_power_result exact_power(rational b, rational e) {
  if (b.is_zero()) return {!(e < rational{0}) && !e.is_zero(), rational{0}};
  if (e.is_integer()) return {true, pow(b, e.num)};
  if (b < rational{0}) return {};
  const std::intmax_t rn = exact_root(b.num, e.den), rd = exact_root(b.den, e.den);
  if (rn < 0 || rd < 0) return {};
  return {true, pow(rational{rn, rd}, e.num)};
}

template <class B, class E, class = void>
struct power_rule { using type = power<B, E>; };

template <class B, class E>
struct make_power { using type = typename power_rule<B, E>::type; };
template <class B>
struct make_power<B, zero> { using type = one; };
template <class B>
struct make_power<B, one> { using type = B; };

// Numbers.
template <std::intmax_t N, std::intmax_t D, std::intmax_t P, std::intmax_t Q>
struct power_rule<constant<N, D>, constant<P, Q>> {
  static_assert(!(N == 0 && P < 0), "descent: an expression divides by the exact constant 0");
  static constexpr exact_power_result r = exact_power(rational{N, D}, rational{P, Q});
  using type = std::conditional_t<r.ok, constant<r.value.num, r.value.den>, power<constant<N, D>, constant<P, Q>>>;
};
// (x^a)^n for integer n.
template <class B, class E, std::intmax_t P>
struct power_rule<power<B, E>, constant<P, 1>> {
  using type = power_t<B, product_t<E, constant<P, 1>>>;
};
// (c x y)^n for integer n.
template <class C, class... Fs, std::intmax_t P>
struct power_rule<product<C, Fs...>, constant<P, 1>> {
  using type = product_t<power_t<C, constant<P, 1>>, power_t<Fs, constant<P, 1>>...>;
};

}  // namespace descent::detail

#endif
