// descent/diff/grad.hpp: grad(f, wrt(x, y)) and hessian(f, wrt(x, y)).
#ifndef DESCENT_DIFF_GRAD_HPP
#define DESCENT_DIFF_GRAD_HPP

#include <descent/diff/wrt.hpp>
#include <descent/expr/containers.hpp>

namespace descent {

namespace detail {
// The checks are class templates returned by the check functions: a call instantiates them
// at once, so their message is the first error (g++ defers the bodies of function templates
// and would first report what the caller does with the void result).
template <class F>
struct expression_argument_check {
  static_assert(expression<F>, "descent::grad/hessian(f, wrt(...)): f is not a descent expression");
};
template <class W>
struct wrt_argument_check {
  static_assert(is_wrt_v<W>, "descent::grad/hessian(f, vars): pass the variables as descent::wrt(x, y, ...)");
};
template <class F>
constexpr expression_argument_check<F> check_expression_argument() { return {}; }
template <class W>
constexpr wrt_argument_check<W> check_wrt_argument() { return {}; }

// The partial derivatives of Tree with respect to Vs..., and the second ones (row-major),
// as lists of trees: what grad and hessian hold, and what objectives evaluate.
template <class Tree, class W>
struct gradient_trees;
// With respect to a vector or matrix symbol, the entry is its gradient in matrix form.
template <class Tree, class V>
using partial_t = typename std::conditional_t<is_shaped_symbol_v<V>, shaped_gradient<Tree, V>, derivative_of<Tree, V>>::type;
template <class Tree, class... Vs>
struct gradient_trees<Tree, wrt_t<Vs...>> {
  using type = type_list<partial_t<Tree, Vs>...>;
};
template <class Tree, class W, class Seq = std::make_index_sequence<W::size() * W::size()>>
struct hessian_trees;
template <class Tree, class... Vs, std::size_t... K>
struct hessian_trees<Tree, wrt_t<Vs...>, std::index_sequence<K...>> {
  static constexpr std::size_t n = sizeof...(Vs);
  using type = type_list<derivative_t<derivative_t<Tree, pack_at<K / n, Vs...>>, pack_at<K % n, Vs...>>...>;
};

template <std::size_t N, class L> struct as_vector;
template <std::size_t N, class... Ts> struct as_vector<N, type_list<Ts...>> { using type = expression_vector<N, Ts...>; };
template <std::size_t N, std::size_t R, class L> struct as_square_matrix;
template <std::size_t N, std::size_t R, class... Ts>
struct as_square_matrix<N, R, type_list<Ts...>> { using type = expression_matrix<N, R, R, Ts...>; };

// grad and hessian share their argument checks; Make builds the result.
template <class Make>
struct wrt_function {
  template <class F, class W>
  constexpr auto operator()(const F& f, W) const {
    check_expression_argument<F>();
    check_wrt_argument<W>();
    if constexpr (expression<F> && is_wrt_v<W>) return Make::template make<W>(f);
  }
};
struct make_gradient {
  template <class W, class F>
  static constexpr auto make(const F& f) {
    using trees = typename gradient_trees<tree_t<F>, W>::type;
    return typename as_vector<literal_count_v<F>, trees>::type{literals_of(f)};
  }
};
struct make_hessian {
  template <class W, class F>
  static constexpr auto make(const F& f) {
    if constexpr (list_has_shaped<W>::value) {  // with respect to a vector: one matrix expression
      return make_expression<typename shaped_hessian<tree_t<F>, W>::type>(literals_of(f));
    } else {
      using trees = typename hessian_trees<tree_t<F>, W>::type;
      return typename as_square_matrix<literal_count_v<F>, W::size(), trees>::type{literals_of(f)};
    }
  }
};
}  // namespace detail

using grad_fn = detail::wrt_function<detail::make_gradient>;
using hessian_fn = detail::wrt_function<detail::make_hessian>;

// grad(f, wrt(x, y)): the vector of partial derivatives (an expression_vector).
inline constexpr grad_fn grad{};
// hessian(f, wrt(x, y)): the matrix of second partial derivatives (an expression_matrix);
// hessian(f, wrt(w)) for a descent::vec w: the Hessian in matrix form, one matrix expression.
inline constexpr hessian_fn hessian{};

}  // namespace descent

#endif
