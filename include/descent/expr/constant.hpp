// descent/expr/constant.hpp: exact compile-time constants and the `_c` literal.
//
//   using namespace descent::literals;
//   2_c, 100_c, 0.5_c (== 1_c / 2_c): exact rationals; arithmetic on them folds exactly.
#ifndef DESCENT_EXPR_CONSTANT_HPP
#define DESCENT_EXPR_CONSTANT_HPP

#include <descent/node/node.hpp>

namespace descent {

// descent::constant<N, D>: the exact number N/D as an expression.
template <std::intmax_t N, std::intmax_t D = 1>
using constant = typename detail::constant_of<N, D>::type;

namespace detail {
template <char... Cs>
consteval rational parse_constant() {
  constexpr char s[] = {Cs...};
  std::intmax_t num = 0, den = 1;
  bool frac = false;
  for (char c : s) {
    if (c == '\'') continue;
    if (c == '.') {
      if (frac) throw "descent: a _c constant has two decimal points";
      frac = true;
      continue;
    }
    if (c < '0' || c > '9')
      throw "descent: _c constants are written with decimal digits and one optional point (2_c, 0.25_c)";
    num = checked_add(checked_mul(num, 10), c - '0');
    if (frac) den = checked_mul(den, 10);
  }
  return {num, den};
}
}  // namespace detail

inline namespace literals {
// 2_c: the exact constant 2 (a type).  0.25_c: exactly 1/4.
// constexpr, not consteval: clang 14 leaves calls to a consteval literal operator inside
// generic lambdas unevaluated (undefined reference at link time); the digits are still
// parsed at compile time (parse_constant is consteval).
template <char... Cs>
constexpr auto operator""_c() {
  constexpr detail::rational r = detail::parse_constant<Cs...>();
  return node::constant<r.num, r.den>{};
}
}  // namespace literals

}  // namespace descent

#endif
