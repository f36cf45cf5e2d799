// descent/diff/grad.hpp: grad(f, wrt(x, y)) and hessian(f, wrt(x, y)).
#ifndef DESCENT_DIFF_GRAD_HPP
#define DESCENT_DIFF_GRAD_HPP

#include <descent/diff/wrt.hpp>
#include <descent/expr/containers.hpp>

namespace descent {

namespace detail {
template <class F>
constexpr void check_expression_argument() {
  static_assert(expression<F>, "descent::grad/hessian(f, wrt(...)): f is not a descent expression");
}
template <class W>
constexpr void check_wrt_argument() {
  static_assert(is_wrt_v<W>, "descent::grad/hessian(f, vars): pass the variables as descent::wrt(x, y, ...)");
}

template <class Tree, class Vs, class Seq>
struct hessian_trees;
template <class Tree, class... Vs, std::size_t... K>
struct hessian_trees<Tree, type_list<Vs...>, std::index_sequence<K...>> {
  static constexpr std::size_t n = sizeof...(Vs);
  template <std::size_t I>
  using first = derivative_t<Tree, pack_at<I, Vs...>>;
  template <std::size_t Kk>
  using entry = derivative_t<first<Kk / n>, pack_at<Kk % n, Vs...>>;
  template <std::size_t N>
  using type = expression_matrix<N, n, n, entry<K>...>;
};
}  // namespace detail

struct grad_fn {
  template <class F, class W>
  constexpr auto operator()(const F& f, W) const {
    detail::check_expression_argument<F>();
    detail::check_wrt_argument<W>();
    if constexpr (expression<F> && detail::is_wrt_v<W>) return make(f, W{});
  }

 private:
  template <class F, class... Vs>
  static constexpr auto make(const F& f, wrt_t<Vs...>) {
    using tree = detail::tree_t<F>;
    return expression_vector<detail::literal_count_v<F>, detail::derivative_t<tree, Vs>...>{
        detail::literals_of(f)};
  }
};

struct hessian_fn {
  template <class F, class W>
  constexpr auto operator()(const F& f, W) const {
    detail::check_expression_argument<F>();
    detail::check_wrt_argument<W>();
    if constexpr (expression<F> && detail::is_wrt_v<W>) return make(f, W{});
  }

 private:
  template <class F, class... Vs>
  static constexpr auto make(const F& f, wrt_t<Vs...>) {
    constexpr std::size_t n = sizeof...(Vs);
    using trees = detail::hessian_trees<detail::tree_t<F>, detail::type_list<Vs...>,
                                        std::make_index_sequence<n * n>>;
    using matrix = typename trees::template type<detail::literal_count_v<F>>;
    return matrix{detail::literals_of(f)};
  }
};

// grad(f, wrt(x, y)): the vector of partial derivatives (an expression_vector).
inline constexpr grad_fn grad{};
// hessian(f, wrt(x, y)): the matrix of second partial derivatives (an expression_matrix).
inline constexpr hessian_fn hessian{};

}  // namespace descent

#endif
