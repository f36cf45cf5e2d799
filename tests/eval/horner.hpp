// tests/eval/horner.hpp: a Horner chain ((x c0 + c1) x + c2) x ... built by a fold, and its
// value computed with doubles, for the deep-expression tests.
#ifndef DESCENT_TESTS_EVAL_HORNER_HPP
#define DESCENT_TESTS_EVAL_HORNER_HPP

#include <cstddef>
#include <utility>

#include <descent/eval/eval.hpp>
#include <descent/expr.hpp>

namespace horner_test {

inline constexpr descent::var<"x"> x;

// (e, c) -> e * x + c, as a binary operator so that a fold over an index_sequence builds the
// whole chain without recursion in the test itself.
template <class E>
struct horner {
  E e;
};
template <class E>
horner(E) -> horner<E>;
struct coefficient {
  double c;
};
template <class E>
constexpr auto operator|(const horner<E>& h, coefficient c) {
  return horner{h.e * x + c.c};
}
constexpr double coef(std::size_t i) { return 1.0 / (1.0 + static_cast<double>(i)); }

template <std::size_t... I>
constexpr auto horner_chain(std::index_sequence<I...>) {
  return (horner<descent::var<"x">>{x} | ... | coefficient{coef(I)}).e;
}

inline double horner_reference(std::size_t n, double t) {
  double r = t;
  for (std::size_t i = 0; i < n; ++i) r = r * t + coef(i);
  return r;
}

}  // namespace horner_test

#endif
