// descent/eval/evaluate.hpp: evaluation of one or several roots over their shared DAG.
//
// The distinct nodes are evaluated once each, children first, into a local array; there is
// no recursion at run time (deep expressions cannot overflow the stack) and no reliance on
// the compiler to merge repeated sin/exp calls (GCC at -O2 keeps errno and will not).
#ifndef DESCENT_EVAL_EVALUATE_HPP
#define DESCENT_EVAL_EVALUATE_HPP

#include <array>
#include <initializer_list>
#include <cmath>

#include <descent/eval/context.hpp>
#include <descent/eval/dag.hpp>

namespace descent {

// What the errors below are about: the variable, its name spelled as characters, shown by
// both compilers in the failed condition (clang in the error line, g++ in the note under it:
// `'descent::variable_named<'y', 'y'>::has_a_binding' evaluates to false`).
template <char... Name>
struct variable_named {
  static constexpr bool has_a_binding = false;
  static constexpr bool is_bound_once = false;
};
// Instantiated (and failing) when an expression uses a variable the evaluation has no value
// for, or a variable is bound twice.  The variable and its name, spelled out as characters
// ('y', 'y'), are the template arguments shown in the compiler's message (clang prints the
// name only as numbers otherwise).
template <class Var, char... Name>
struct variable_has_no_binding {
  static_assert(variable_named<Name...>::has_a_binding,
                "descent::eval: a variable of the expression has no binding; pass `name = value` "
                "for the variable named in descent::variable_named<'n', 'a', 'm', 'e'>");
};
template <class Var, char... Name>
struct variable_is_bound_twice {
  static_assert(variable_named<Name...>::is_bound_once,
                "descent::eval: a variable has two bindings; the one named in "
                "descent::variable_named<'n', 'a', 'm', 'e'> is bound more than once");
};

namespace detail {
// Diagnostic<Var, 'n', 'a', 'm', 'e'>
template <template <class, char...> class Diagnostic, class Var, class Seq>
struct spelled;
template <template <class, char...> class Diagnostic, class Var, std::size_t... I>
struct spelled<Diagnostic, Var, std::index_sequence<I...>> {
  using type = Diagnostic<Var, Var::name[I]...>;
};
template <template <class, char...> class Diagnostic, class Var>
using spelled_t = typename spelled<Diagnostic, Var, std::make_index_sequence<Var::name.size()>>::type;
}  // namespace detail

namespace detail {

template <class Ctx, class Var>
constexpr bool check_binding() {
  if constexpr (requires { Ctx::template count<Var>; }) {
    if constexpr (Ctx::template count<Var> == 0) return sizeof(spelled_t<variable_has_no_binding, Var>) > 0;
    else if constexpr (Ctx::template count<Var> > 1) return sizeof(spelled_t<variable_is_bound_twice, Var>) > 0;
    else return true;
  } else {
    if constexpr (!Ctx::template binds<Var>) return sizeof(spelled_t<variable_has_no_binding, Var>) > 0;
    else return true;
  }
}
template <class Ctx, class L> struct bindings_ok;
template <class Ctx, class... Vars>
struct bindings_ok<Ctx, type_list<Vars...>> {
  static constexpr bool value = (check_binding<Ctx, Vars>() && ...);
};

// x^n for a compile-time integer n >= 0, by repeated squaring (unrolled by the compiler).
template <std::intmax_t P, class V>
constexpr V ipow(V x) {
  if constexpr (P == 0) return V(1);
  else if constexpr (P == 1) return x;
  else if constexpr (P % 2 == 0) { const V h = ipow<P / 2>(x); return h * h; }
  else { const V h = ipow<P / 2>(x); return h * h * x; }
}

template <class V, class Dag, class Ctx>
struct evaluator {
  static constexpr std::size_t n = Dag::size;
  std::array<V, n>& vals;
  const Ctx& ctx;
  const double* lits;

  template <class T>
  constexpr V value() const {
    if constexpr (is_constant_v<T>) {
      return static_cast<V>(static_cast<double>(value_of<T>.num) / static_cast<double>(value_of<T>.den));
    } else if constexpr (is_literal_v<T>) {
      return literal_value(T{});
    } else if constexpr (is_var_v<T>) {
      return static_cast<V>(ctx.get(T{}));
    } else {
      return vals[index_of_v<T, Dag>];
    }
  }

  template <std::size_t I>
  constexpr V literal_value(literal<I>) const { return static_cast<V>(lits[I]); }

  // ---- one function per node family ----
  template <class C, class T, class... Ts>
  constexpr V compute(sum<C, T, Ts...>) const {
    V r = value<T>();
    if constexpr (!value_of<C>.is_zero()) r = value<C>() + r;
    (void)std::initializer_list<int>{((void)(r += value<Ts>()), 0)...};
    return r;
  }

  template <class F>
  constexpr void multiply_factor(V& num, V& den) const {
    if constexpr (is_denominator_v<F>) den *= value<positive_factor_t<F>>();
    else num *= value<F>();
  }
  template <class C, class... Fs>
  constexpr V compute(product<C, Fs...>) const {
    constexpr rational c = value_of<C>;
    V num = V(1), den = V(1);
    (void)std::initializer_list<int>{(multiply_factor<Fs>(num, den), 0)...};
    if constexpr (c == rational{-1}) num = -num;
    else if constexpr (!c.is_one()) num = value<C>() * num;
    if constexpr ((is_denominator_v<Fs> || ...)) return num / den;
    else return num;
  }

  template <class B, std::intmax_t P, std::intmax_t Q>
  constexpr V compute(power<B, constant<P, Q>>) const {
    const V b = value<B>();
    constexpr std::intmax_t A = P < 0 ? -P : P;
    V r{};
    if constexpr (Q == 1) r = ipow<A>(b);
    else if constexpr (Q == 2) { using std::sqrt; r = ipow<A>(V(sqrt(b))); }
    else { using std::pow; r = V(pow(b, V(static_cast<double>(A) / static_cast<double>(Q)))); }
    if constexpr (P < 0) return V(1) / r;
    else return r;
  }
  template <class B, class E>
  constexpr V compute(power<B, E>) const {
    using std::pow;
    return V(pow(value<B>(), value<E>()));
  }

  template <class Fn, class... As>
  constexpr V compute(apply<Fn, As...>) const {
    return static_cast<V>(Fn::eval(value<As>()...));
  }

  template <std::size_t... Is, class... Nodes>
  constexpr void run(std::index_sequence<Is...>, type_list<Nodes...>) const {
    // A braced list, not a fold: clang caps fold expressions at 256 operands.
    (void)std::initializer_list<int>{((void)(vals[Is] = compute(Nodes{})), 0)...};
  }
};

// The values of Roots... (trees) in one pass over their shared DAG.
template <class V, class... Roots, class Ctx>
constexpr std::array<V, sizeof...(Roots)> evaluate_roots(const Ctx& ctx, const double* lits) {
  using all_vars = union_all_t<variables_t<Roots>...>;
  static_assert(bindings_ok<Ctx, all_vars>::value);
  using graph = multi_dag_t<Roots...>;
  std::array<V, graph::size> vals{};
  const evaluator<V, graph, Ctx> ev{vals, ctx, lits};
  ev.run(std::make_index_sequence<graph::size>{}, graph{});
  return {ev.template value<Roots>()...};
}

}  // namespace detail
}  // namespace descent

#endif
