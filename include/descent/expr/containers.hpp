// descent/expr/containers.hpp: vectors and matrices of expressions (what grad and hessian
// return).  They share one array of runtime numbers, are tuple-like (structured bindings,
// get<I>), and evaluate all their entries in one pass with shared subexpressions.
#ifndef DESCENT_EXPR_CONTAINERS_HPP
#define DESCENT_EXPR_CONTAINERS_HPP

#include <array>
#include <cstddef>
#include <tuple>

#include <descent/expr/literal.hpp>

namespace descent {

template <std::size_t N, class... Trees>
struct expression_vector {
  std::array<double, N> values{};

  static constexpr std::size_t size() noexcept { return sizeof...(Trees); }
  template <std::size_t I>
  constexpr auto get() const {
    static_assert(I < sizeof...(Trees), "descent::expression_vector::get<I>: I is out of range");
    return detail::make_expression<detail::pack_at<I, Trees...>>(values);
  }
};

// R x C, row-major.
template <std::size_t N, std::size_t R, std::size_t C, class... Trees>
struct expression_matrix {
  static_assert(R * C == sizeof...(Trees));
  std::array<double, N> values{};

  static constexpr std::size_t rows() noexcept { return R; }
  static constexpr std::size_t cols() noexcept { return C; }
  // Row I as an expression_vector.
  template <std::size_t I>
  constexpr auto get() const {
    static_assert(I < R, "descent::expression_matrix::get<I>: row out of range");
    return row<I>(std::make_index_sequence<C>{});
  }
  template <std::size_t I, std::size_t J>
  constexpr auto get() const {
    static_assert(I < R && J < C, "descent::expression_matrix::get<I, J>: index out of range");
    return detail::make_expression<detail::pack_at<I * C + J, Trees...>>(values);
  }

 private:
  template <std::size_t I, std::size_t... J>
  constexpr auto row(std::index_sequence<J...>) const {
    return expression_vector<N, detail::pack_at<I * C + J, Trees...>...>{values};
  }
};

template <std::size_t I, std::size_t N, class... Trees>
constexpr auto get(const expression_vector<N, Trees...>& v) { return v.template get<I>(); }
template <std::size_t I, std::size_t N, std::size_t R, std::size_t C, class... Trees>
constexpr auto get(const expression_matrix<N, R, C, Trees...>& m) { return m.template get<I>(); }
template <std::size_t I, std::size_t J, std::size_t N, std::size_t R, std::size_t C, class... Trees>
constexpr auto get(const expression_matrix<N, R, C, Trees...>& m) { return m.template get<I, J>(); }

}  // namespace descent

template <std::size_t N, class... Trees>
struct std::tuple_size<descent::expression_vector<N, Trees...>>
    : std::integral_constant<std::size_t, sizeof...(Trees)> {};
template <std::size_t I, std::size_t N, class... Trees>
struct std::tuple_element<I, descent::expression_vector<N, Trees...>> {
  using type = decltype(std::declval<descent::expression_vector<N, Trees...>>().template get<I>());
};
template <std::size_t N, std::size_t R, std::size_t C, class... Trees>
struct std::tuple_size<descent::expression_matrix<N, R, C, Trees...>> : std::integral_constant<std::size_t, R> {};
template <std::size_t I, std::size_t N, std::size_t R, std::size_t C, class... Trees>
struct std::tuple_element<I, descent::expression_matrix<N, R, C, Trees...>> {
  using type = decltype(std::declval<descent::expression_matrix<N, R, C, Trees...>>().template get<I>());
};

#endif
