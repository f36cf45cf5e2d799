// descent/eval/eval.hpp: eval(f, x = 1.0, y = 2.0) and value_and_grad.
#ifndef DESCENT_EVAL_EVAL_HPP
#define DESCENT_EVAL_EVAL_HPP

#include <array>
#include <string_view>
#include <utility>

#include <descent/diff/grad.hpp>
#include <descent/eval/evaluate.hpp>
#include <descent/node/extension.hpp>

namespace descent {

namespace detail {
template <fixed_string Name, class T>
var<Name> variable_of(const binding<Name, T>&);  // (unevaluated: the variable a binding names)

// Position of the first binding whose variable is bound again later, or sizeof...(Bs).
template <class... Bs>
constexpr std::size_t first_rebound() {
  constexpr std::array<std::string_view, sizeof...(Bs)> names{Bs::name...};
  for (std::size_t i = 0; i < names.size(); ++i)
    for (std::size_t j = i + 1; j < names.size(); ++j)
      if (names[i] == names[j]) return i;
  return sizeof...(Bs);
}

// Whether the arguments after f are bindings of distinct variables.
template <class... Bs>
constexpr bool valid_bindings() {
  if constexpr (!(is_binding_v<Bs> && ...)) return false;
  else return first_rebound<Bs...>() == sizeof...(Bs);
}
// The readable errors for invalid bindings.  Kept apart from valid_bindings, which callers
// test in `if constexpr`: clang treats a function with a failed static_assert as not
// constant, and would go on to report follow-on errors.  A class template, returned by
// diagnose_bindings(), so that a call instantiates it at once: g++ defers the bodies of
// function templates and would first report what the caller does with the void result.
template <std::size_t R, class... Bs>
using rebound_variable_t = decltype(variable_of(std::declval<pack_at<R, Bs...>>()));
template <bool Rebound, std::size_t R, class... Bs>
struct rebound_probe {};
// Checked before the binding set is built (it cannot hold two bindings of one name): the
// error names the variable, as variable_is_bound_twice<descent::var<"name">, 'n', ...>.
template <std::size_t R, class... Bs>
struct rebound_probe<true, R, Bs...> : spelled_t<variable_is_bound_twice, rebound_variable_t<R, Bs...>> {};
template <class... Bs>
constexpr std::size_t rebound_index() {
  if constexpr ((is_binding_v<Bs> && ...)) return first_rebound<Bs...>();
  else return sizeof...(Bs);
}
template <class... Bs>
struct binding_diagnosis {
  static_assert((is_binding_v<Bs> && ...),
                "descent::eval(f, bindings...): every argument after f must be a binding such as x = 1.0");
  static constexpr std::size_t r = rebound_index<Bs...>();
  static_assert(sizeof(rebound_probe<(r < sizeof...(Bs)), r, Bs...>) > 0);
};
template <class... Bs>
constexpr binding_diagnosis<Bs...> diagnose_bindings() { return {}; }
template <class... Bs>
constexpr bool check_bindings() {
  diagnose_bindings<Bs...>();
  return valid_bindings<Bs...>();
}
}  // namespace detail

struct eval_fn {
  // An expression: its value.  An expression_vector: an std::array of values.  An
  // expression_matrix: an std::array of rows.  All entries share one evaluation.
  template <class E, class... Bs>
  constexpr auto operator()(const E& e, const Bs&... bs) const {
    if constexpr (expression<E> && (detail::contains_shaped_v<detail::tree_t<E>> || (detail::is_shaped_binding_v<Bs> || ...))) {
      return detail::shaped_eval(e, bs...);  // vector and matrix expressions: descent/shaped
    } else {
      return scalar(e, bs...);
    }
  }

 private:
  template <class E, class... Bs>
  static constexpr auto scalar(const E& e, const Bs&... bs) {
    detail::diagnose_bindings<Bs...>();
    if constexpr (detail::valid_bindings<Bs...>()) {
      const binding_set<Bs...> ctx{bs...};
      using V = typename binding_set<Bs...>::value_type;
      return dispatch<V>(e, ctx);
    }
  }

 private:
  template <class V, class E, class Ctx>
  static constexpr auto dispatch(const E& e, const Ctx& ctx) {
    if constexpr (expression<E>) {
      return detail::evaluate_roots<V, detail::tree_t<E>>(ctx, detail::literal_data(e))[0];
    } else {
      return dispatch_container<V>(e, ctx);
    }
  }
  template <class V, std::size_t N, class... Trees, class Ctx>
  static constexpr std::array<V, sizeof...(Trees)> dispatch_container(const expression_vector<N, Trees...>& v,
                                                                      const Ctx& ctx) {
    return detail::evaluate_roots<V, Trees...>(ctx, v.values.data());
  }
  template <class V, std::size_t N, std::size_t R, std::size_t C, class... Trees, class Ctx>
  static constexpr std::array<std::array<V, C>, R> dispatch_container(
      const expression_matrix<N, R, C, Trees...>& m, const Ctx& ctx) {
    const auto flat = detail::evaluate_roots<V, Trees...>(ctx, m.values.data());
    std::array<std::array<V, C>, R> out{};
    for (std::size_t i = 0; i < R; ++i)
      for (std::size_t j = 0; j < C; ++j) out[i][j] = flat[i * C + j];
    return out;
  }
};

// eval(f, x = 1.0, y = 2.0): the value of f (or of every entry of a gradient / Hessian).
inline constexpr eval_fn eval{};

template <class V, std::size_t N>
struct value_and_gradient {
  V value;
  std::array<V, N> gradient;
};

struct value_and_grad_fn {
  template <class F, class W, class... Bs>
  constexpr auto operator()(const F& f, W w, const Bs&... bs) const {
    detail::check_expression_argument<F>();
    detail::check_wrt_argument<W>();
    detail::diagnose_bindings<Bs...>();
    if constexpr (expression<F> && detail::is_wrt_v<W> && detail::valid_bindings<Bs...>())
      return make(f, w, binding_set<Bs...>{bs...});
  }

 private:
  template <class F, class... Vs, class Ctx>
  static constexpr auto make(const F& f, wrt_t<Vs...>, const Ctx& ctx) {
    using V = typename Ctx::value_type;
    using tree = detail::tree_t<F>;
    const auto all = detail::evaluate_roots<V, tree, detail::derivative_t<tree, Vs>...>(ctx, detail::literal_data(f));
    value_and_gradient<V, sizeof...(Vs)> out{all[0], {}};
    for (std::size_t i = 0; i < sizeof...(Vs); ++i) out.gradient[i] = all[i + 1];
    return out;
  }
};

// value_and_grad(f, wrt(x, y), x = 1.0, y = 2.0): {f, {df/dx, df/dy}} in one pass.
inline constexpr value_and_grad_fn value_and_grad{};

// Size of an expression: nodes of its tree (as printed), and distinct nodes (its DAG,
// what evaluation computes).
template <expression E>
constexpr unsigned long long tree_size(const E&) { return detail::tree_size<detail::tree_t<E>>::value; }
template <expression E>
constexpr std::size_t dag_size(const E&) {
  using T = detail::tree_t<E>;
  return detail::dag_t<T>::size + detail::variables_t<T>::size;
}

}  // namespace descent

#endif
