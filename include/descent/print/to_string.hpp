// descent/print/to_string.hpp: to_string and to_latex of expressions, gradients, Hessians.
//
// For an expression without runtime numbers the result is a static_string computed at
// compile time (usable in static_assert); with runtime numbers it is an std::string.
#ifndef DESCENT_PRINT_TO_STRING_HPP
#define DESCENT_PRINT_TO_STRING_HPP

#include <descent/expr/containers.hpp>
#include <descent/print/printer.hpp>
#include <descent/print/static_string.hpp>

namespace descent {

namespace detail {

// The trees of a printable object, and its shape.
template <class E> struct print_shape {
  template <format Fmt, class Out>
  static constexpr void print(Out& out, const double* lits) { print_trees<Fmt, 0, tree_t<E>>(out, lits); }
};
template <std::size_t N, class... Trees> struct print_shape<expression_vector<N, Trees...>> {
  template <format Fmt, class Out>
  static constexpr void print(Out& out, const double* lits) { print_trees<Fmt, sizeof...(Trees), Trees...>(out, lits); }
};
template <std::size_t N, std::size_t R, std::size_t C, class... Trees> struct print_shape<expression_matrix<N, R, C, Trees...>> {
  template <format Fmt, class Out>
  static constexpr void print(Out& out, const double* lits) { print_trees<Fmt, C, Trees...>(out, lits); }
};

template <class E> inline constexpr std::size_t runtime_numbers_v = literal_count_v<E>;
template <std::size_t N, class... Trees> inline constexpr std::size_t runtime_numbers_v<expression_vector<N, Trees...>> = N;
template <std::size_t N, std::size_t R, std::size_t C, class... Trees>
inline constexpr std::size_t runtime_numbers_v<expression_matrix<N, R, C, Trees...>> = N;

template <class E> constexpr const double* numbers_of(const E& e) {
  if constexpr (expression<E>) return literal_data(e);
  else return runtime_numbers_v<E> == 0 ? nullptr : e.values.data();
}

template <format Fmt, class E>
inline constexpr std::size_t printed_length = [] {
  count_out c;
  print_shape<E>::template print<Fmt>(c, nullptr);
  return c.n;
}();

template <format Fmt, class E>
inline constexpr auto printed = [] {
  static_string<printed_length<Fmt, E>> s{};
  buffer_out b{s.data};
  print_shape<E>::template print<Fmt>(b, nullptr);
  return s;
}();

template <class E> inline constexpr bool printable_v = expression<E>;
template <std::size_t N, class... Trees> inline constexpr bool printable_v<expression_vector<N, Trees...>> = true;
template <std::size_t N, std::size_t R, std::size_t C, class... Trees>
inline constexpr bool printable_v<expression_matrix<N, R, C, Trees...>> = true;

template <format Fmt, class E>
constexpr auto print_any(const E& e) {
  if constexpr (runtime_numbers_v<E> == 0) {
    return printed<Fmt, E>;
  } else {
    string_out o;
    print_shape<E>::template print<Fmt>(o, numbers_of(e));
    return o.s;
  }
}

}  // namespace detail

// An expression, or a gradient / Hessian of expressions.
template <class E>
concept printable = detail::printable_v<std::remove_cvref_t<E>>;

// to_string(e): e as text, e.g. "-2 + 2*x - 400*x*(-x^2 + y)".
template <printable E>
constexpr auto to_string(const E& e) { return detail::print_any<detail::format::text>(e); }
// to_latex(e): e as LaTeX, e.g. "-2 + 2 x - 400 x \left(-x^{2} + y\right)".
template <printable E>
constexpr auto to_latex(const E& e) { return detail::print_any<detail::format::latex>(e); }

}  // namespace descent

#endif
