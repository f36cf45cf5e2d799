// descent/objectives/expression.hpp: objectives from expressions.
//
//   descent::make_objective(f, wrt(x, y))            f(x, g) with the gradient generated at
//                                                     compile time, .hessian(x, h) too
//   descent::make_objective(loss, wrt(w, b), x = xs, y = ys)
//                                                     the sum over samples i of loss with
//                                                     x = xs[i], y = ys[i] (data columns)
// Scalar bindings (`lambda = 0.1`) may be passed too; they are fixed for the objective.
// The parameter vector is ordered as wrt(...).  Each evaluation computes the value and all
// derivatives in one pass over their shared subexpressions.  Least squares from residual
// expressions: descent/objectives/least_squares.hpp.
#ifndef DESCENT_OBJECTIVES_EXPRESSION_HPP
#define DESCENT_OBJECTIVES_EXPRESSION_HPP

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>

#include <descent/eval/arguments.hpp>
#include <descent/node/extension.hpp>
#include <descent/objectives/detail/per_sample.hpp>

namespace descent {

namespace detail {
// The argument checks of make_objective, in its words; instantiated by the call at once.
template <class F, class W, bool DataOk>
struct objective_arguments {
  static_assert(expression<F>, "descent::make_objective(f, wrt(...), ...): f is not a descent expression");
  static_assert(is_wrt_v<W>, "descent::make_objective(f, vars, ...): pass the variables as descent::wrt(x, y, ...)");
  static_assert(DataOk, "descent::make_objective(f, wrt(...), ...): after wrt(...) pass bindings `name = value` "
                        "or data columns `name = data`");
};
}  // namespace detail

// An expression objective: see the file comment.  Copyable; holds f by value and data
// columns by view.
template <class F, class W, class Scalars, class Columns>
class expression_objective : public detail::per_sample<F, W, Scalars, Columns> {
  using base = detail::per_sample<F, W, Scalars, Columns>;
  using typename base::tree;
  static constexpr const char* who = "descent::make_objective";

 public:
  using base::dimension;

  expression_objective(const F& f, const Scalars& s, const Columns& c) : base(f, s, c, who) {}

  // f(x), gradient into g.
  template <class T>
  T operator()(std::span<const T> x, std::span<T> g) const {
    detail::check_size(who, dimension, x.size(), "the parameter vector");
    detail::check_size(who, dimension, g.size(), "the gradient");
    T total = 0;
    for (auto& v : g) v = T(0);
    this->template for_each_sample<T, typename base::value_and_gradient_roots>(x, [&](std::size_t, const auto& all) {
      total += all[0];
      for (std::size_t i = 0; i < dimension; ++i) g[i] += all[i + 1];
    });
    return total;
  }
  template <class T>
  T operator()(std::span<T> x, std::span<T> g) const { return (*this)(std::span<const T>(x), g); }

  // f(x) alone.
  template <class T>
  T value(std::span<const T> x) const {
    detail::check_size(who, dimension, x.size(), "the parameter vector");
    T total = 0;
    this->template for_each_sample<T, detail::type_list<tree>>(x, [&](std::size_t, const auto& v) { total += v[0]; });
    return total;
  }

  // The exact Hessian, row-major n*n.
  template <class T>
  void hessian(std::span<const T> x, std::span<T> h) const {
    detail::check_size(who, dimension, x.size(), "the parameter vector");
    if (h.size() != dimension * dimension)
      throw std::invalid_argument("descent::make_objective(...).hessian: h has " + std::to_string(h.size()) +
                                  " entries, expected " + std::to_string(dimension * dimension));
    for (auto& v : h) v = T(0);
    this->template for_each_sample<T, typename detail::hessian_trees<tree, W>::type>(x, [&](std::size_t, const auto& hr) {
      for (std::size_t k = 0; k < hr.size(); ++k) h[k] += hr[k];
    });
  }
  template <class T>
  void hessian(std::span<T> x, std::span<T> h) const { hessian(std::span<const T>(x), h); }
};

struct objective_fn {
  template <class F, class W, class... Args>
  constexpr auto operator()(const F& f, W w, const Args&... args) const {
    if constexpr (expression<F> && detail::is_wrt_v<W> &&
                  (detail::contains_shaped_v<detail::tree_t<F>> || detail::list_has_shaped<W>::value ||
                   (detail::is_shaped_binding_v<Args> || ...))) {
      return detail::make_shaped_objective(f, w, args...);  // vector and matrix expressions: descent/shaped
    } else {
      return scalar(f, w, args...);
    }
  }

 private:
  template <class F, class W, class... Args>
  static constexpr auto scalar(const F& f, W, const Args&... args) {
    using split = detail::split_arguments<Args...>;
    (void)detail::objective_arguments<F, W, split::valid>{};
    if constexpr (expression<F> && detail::is_wrt_v<W> && split::valid) {
      using S = typename split::scalars;
      using C = typename split::columns;
      return expression_objective<F, W, S, C>(f, detail::gather<S>(args...), detail::gather<C>(args...));
    }
  }
};

// make_objective(f, wrt(x, y), bindings or data columns...): an objective for descent::minimize.
inline constexpr objective_fn make_objective{};

}  // namespace descent

#endif
