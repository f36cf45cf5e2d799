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
#include <cstdint>

#include <descent/node/order.hpp>

#include <descent/eval/context.hpp>
#include <descent/eval/dag.hpp>
#include <descent/node/order.hpp>

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

// Where a node's value is kept: its position in the DAG (leaves have none, they are read from
// their type).
// (Classes deriving from integral_constant, not static members or variable templates: a
// variable instantiated with the DAG among its arguments is a symbol whose mangled name lists
// the whole DAG, and g++ 12 mangles each in time quadratic in its length -- one per child of
// every node, cubic in the DAG's size in all: 80 % of a 200-term sum's compile time.)
template <class T, class Dag, bool Leaf = is_leaf_v<T>>
struct slot_of : std::integral_constant<std::size_t, 0> {};
template <class T, class Dag>
struct slot_of<T, Dag, false> : index_of<T, Dag> {};

// Large DAGs (from 128 nodes): the positions of all nodes in one open-addressing table keyed by their
// structural hashes (hash_v, already computed for ordering), built once per DAG; a child's
// slot is then one probe.  index_of tests every base of the DAG's indexer with g++ 12 (a
// deduction, with allocations, per base): one lookup per child of every node is quadratic
// in the DAG's size, most of the compile time of a sum of several hundred terms.  When two
// nodes of the DAG share a hash, or the DAG is small, index_of is used as before.
template <std::size_t M>
struct slot_table {
  std::uint64_t hash[M]{};
  std::size_t pos[M]{};  // position + 1; 0: empty
  bool distinct = true;
};
inline constexpr std::size_t hashed_slots_from = 128;
constexpr std::size_t slot_table_size(std::size_t n) {
  std::size_t m = 1;
  while (m < 2 * n) m *= 2;
  return m;
}
template <std::size_t M, std::size_t N>
constexpr slot_table<M> make_slot_table(const std::uint64_t (&hs)[N]) {
  slot_table<M> t{};
  for (std::size_t i = 0; i < N; ++i) {
    std::size_t j = static_cast<std::size_t>(hs[i]) & (M - 1);
    while (t.pos[j] != 0) {
      if (t.hash[j] == hs[i]) t.distinct = false;
      j = (j + 1) & (M - 1);
    }
    t.hash[j] = hs[i];
    t.pos[j] = i + 1;
  }
  return t;
}
template <std::size_t M>
constexpr std::size_t find_slot(const slot_table<M>& t, std::uint64_t h) {
  std::size_t j = static_cast<std::size_t>(h) & (M - 1);
  while (t.pos[j] != 0 && t.hash[j] != h) j = (j + 1) & (M - 1);
  return t.pos[j] - 1;
}
template <class Dag> struct dag_slots;
template <class... Nodes>
struct dag_slots<type_list<Nodes...>> {
  static constexpr slot_table<slot_table_size(sizeof...(Nodes))> table =
      make_slot_table<slot_table_size(sizeof...(Nodes)), sizeof...(Nodes)>({hash_v<Nodes>...});
};
template <class Dag, bool Large = (Dag::size >= hashed_slots_from)>
struct hashed_dag : std::false_type {};
template <class Dag>
struct hashed_dag<Dag, true> : std::bool_constant<dag_slots<Dag>::table.distinct> {};
template <class Dag, bool Hashed = hashed_dag<Dag>::value>
struct slot_finder {
  template <class T, bool Leaf = is_leaf_v<T>>
  struct at : slot_of<T, Dag> {};
};
template <class Dag>
struct slot_finder<Dag, true> {
  template <class T, bool Leaf = is_leaf_v<T>>
  struct at : std::integral_constant<std::size_t, 0> {};
  template <class T>
  struct at<T, false> : std::integral_constant<std::size_t, find_slot(dag_slots<Dag>::table, hash_v<T>)> {};
};
template <class Finder, class Children> struct child_slots;
template <class Finder, class... Cs>
struct child_slots<Finder, type_list<Cs...>> { using type = std::index_sequence<Finder::template at<Cs>::value...>; };

// The functions that compute one node are templates on the node and on its children's slots
// only, not on the whole DAG: every function instantiated here carries its template
// arguments in its (mangled) name, and with the DAG among them each name was as long as the
// whole expression -- for a sum of n terms, n functions with names of n nodes each (73 MB of
// names at n = 100, most of the compile time of larger sums in both compilers).
template <class V, class Ctx>
struct evaluator {
  V* vals;
  const Ctx& ctx;
  const double* lits;

  // A child's value: from its type (leaves) or from its slot.
  template <class T, std::size_t S>
  constexpr V value() const {
    if constexpr (is_constant_v<T>) {
      return static_cast<V>(static_cast<double>(value_of<T>.num) / static_cast<double>(value_of<T>.den));
    } else if constexpr (is_literal_v<T>) {
      return literal_value(T{});
    } else if constexpr (is_var_v<T>) {
      return static_cast<V>(ctx.get(T{}));
    } else {
      return vals[S];
    }
  }

  template <std::size_t I>
  constexpr V literal_value(literal<I>) const { return static_cast<V>(lits[I]); }

  // ---- one function per node family (slots: of the node's eval_children, in order) ----
  template <class C, class T, class... Ts, std::size_t S, std::size_t... Ss>
  constexpr V compute(sum<C, T, Ts...>, std::index_sequence<S, Ss...>) const {
    V r = value<T, S>();
    if constexpr (!value_of<C>.is_zero()) r = value<C, 0>() + r;
    (void)std::initializer_list<int>{((void)(r += value<Ts, Ss>()), 0)...};
    return r;
  }

  template <class F, std::size_t S>
  constexpr void multiply_factor(V& num, V& den) const {
    if constexpr (is_denominator_v<F>) den *= value<positive_factor_t<F>, S>();
    else num *= value<F, S>();
  }
  template <class C, class... Fs, std::size_t... Ss>
  constexpr V compute(product<C, Fs...>, std::index_sequence<Ss...>) const {
    constexpr rational c = value_of<C>;
    V num = V(1), den = V(1);
    (void)std::initializer_list<int>{(multiply_factor<Fs, Ss>(num, den), 0)...};
    if constexpr (c == rational{-1}) num = -num;
    else if constexpr (!c.is_one()) num = value<C, 0>() * num;
    if constexpr ((is_denominator_v<Fs> || ...)) return num / den;
    else return num;
  }

  template <class B, std::intmax_t P, std::intmax_t Q, std::size_t SB>
  constexpr V compute(power<B, constant<P, Q>>, std::index_sequence<SB>) const {
    const V b = value<B, SB>();
    constexpr std::intmax_t A = P < 0 ? -P : P;
    V r{};
    if constexpr (Q == 1) r = ipow<A>(b);
    else if constexpr (Q == 2) { using std::sqrt; r = ipow<A>(V(sqrt(b))); }
    else { using std::pow; r = V(pow(b, V(static_cast<double>(A) / static_cast<double>(Q)))); }
    if constexpr (P < 0) return V(1) / r;
    else return r;
  }
  template <class B, class E, std::size_t SB, std::size_t SE>
  constexpr V compute(power<B, E>, std::index_sequence<SB, SE>) const {
    using std::pow;
    return V(pow(value<B, SB>(), value<E, SE>()));
  }

  template <class Fn, class... As, std::size_t... Ss>
  constexpr V compute(apply<Fn, As...>, std::index_sequence<Ss...>) const {
    return static_cast<V>(Fn::eval(value<As, Ss>()...));
  }
};

// What compute() is instantiated with: the node with each composite child replaced by
// slot_ref (read from its slot), leaves and a denominator's power kept.  The functions then
// carry short names (with g++ the cost of a function's name grows faster than its length, and
// a node of a deep chain names the whole chain below it).
struct slot_ref {};
template <class T>
using ref_of = std::conditional_t<is_leaf_v<T>, T, slot_ref>;
template <class F>
using shallow_factor = std::conditional_t<is_denominator_v<F>, power<ref_of<positive_factor_t<F>>, constant<-1>>, ref_of<F>>;
template <class T> struct shallow { using type = T; };
template <class C, class... Ts> struct shallow<sum<C, Ts...>> { using type = sum<C, ref_of<Ts>...>; };
template <class C, class... Fs> struct shallow<product<C, Fs...>> { using type = product<C, shallow_factor<Fs>...>; };
template <class B, class E> struct shallow<power<B, E>> { using type = power<ref_of<B>, ref_of<E>>; };
template <class Fn, class... As> struct shallow<apply<Fn, As...>> { using type = apply<Fn, ref_of<As>...>; };

// (Finder is a parameter, not written inside the expansion over Nodes: a pack named again
// inside an expansion of itself is substituted anew, a list of all nodes, for every node.)
// (vals is a restrict parameter: the slots are a local array that nothing else points to.
// Without it every store to a slot might change a variable's value in ctx, so each node
// reloaded the variables after the previous store, and clang 14's instruction selection
// spent time quadratic in the DAG on the resulting chain of memory operations: 13.8 of 29 s
// for a Horner chain of depth 140 at -O2, 0.01 s with it.)
template <class V, class Ctx, std::size_t... Is, class... Nodes, class Finder = slot_finder<type_list<Nodes...>>>
constexpr void run_nodes(V* __restrict vals, const Ctx& ctx, const double* lits, std::index_sequence<Is...>, type_list<Nodes...>) {
  [[maybe_unused]] const evaluator<V, Ctx> ev{vals, ctx, lits};  // (unused for a DAG of leaves only)
  // A braced list, not a fold: clang caps fold expressions at 256 operands.
  (void)std::initializer_list<int>{
      ((void)(ev.vals[Is] = ev.compute(typename shallow<Nodes>::type{},
                                       typename child_slots<Finder, typename eval_children<Nodes>::type>::type{})),
       0)...};
}

// The values of Roots... (trees) in one pass over their shared DAG.
template <class V, class... Roots, class Ctx>
constexpr std::array<V, sizeof...(Roots)> evaluate_roots(const Ctx& ctx, const double* lits) {
  using all_vars = union_all_t<variables_t<Roots>...>;
  static_assert(bindings_ok<Ctx, all_vars>::value);
  using graph = multi_dag_t<Roots...>;
  std::array<V, graph::size> vals;  // (each slot is written, children first, before it is read)
  run_nodes(vals.data(), ctx, lits, std::make_index_sequence<graph::size>{}, graph{});
  const evaluator<V, Ctx> ev{vals.data(), ctx, lits};
  return {ev.template value<ref_of<Roots>, slot_of<Roots, graph>::value>()...};
}

}  // namespace detail
}  // namespace descent

#endif
