// descent/simplify/sum.hpp: canonical sums.
//
// make_sum flattens nested sums, distributes a numeric factor over a sum that is a term
// (2*(a+b) + a -> 3a + 2b), folds constants exactly, collects like terms (2x + 3x -> 5x,
// e - e -> 0) and sorts terms into the canonical order.
#ifndef DESCENT_SIMPLIFY_SUM_HPP
#define DESCENT_SIMPLIFY_SUM_HPP

#include <descent/simplify/fwd.hpp>

namespace descent::detail {

// A summand as (constant part, list of terms).
// (The constant part is a member of a base named by its value, not a static member of
// sum_parts: every variable instantiated with a long type among its template arguments is a
// symbol whose mangled name lists that type, and g++ 12 mangles each in time quadratic in
// its length -- per + of a sum built one term at a time, cubic in the number of terms in all.
// The same holds for make_sum and collect_two below.)
template <std::intmax_t N, std::intmax_t D>
struct constant_part {
  static constexpr rational c{N, D};
};
template <class T>
struct sum_parts : constant_part<0, 1> {
  using terms = type_list<T>;
};
template <std::intmax_t N, std::intmax_t D>
struct sum_parts<constant<N, D>> : constant_part<N, D> {
  using terms = type_list<>;
};
template <class C, class... Ts>
struct sum_parts<sum<C, Ts...>> : constant_part<value_of<C>.num, value_of<C>.den> {
  using terms = type_list<Ts...>;
};
template <std::intmax_t N, std::intmax_t D, class C, class... Ts>
struct sum_parts<product<constant<N, D>, sum<C, Ts...>>>
    : constant_part<(rational{N, D} * value_of<C>).num, (rational{N, D} * value_of<C>).den> {
  using terms = type_list<product_t<constant<N, D>, Ts>...>;
};

// A term as coefficient * rest.
template <class T>
struct term_parts {
  static constexpr rational coef{1};
  using rest = T;
};
template <std::intmax_t N, std::intmax_t D, class F>
struct term_parts<product<constant<N, D>, F>> {
  static constexpr rational coef{N, D};
  using rest = F;
};
template <std::intmax_t N, std::intmax_t D, class F1, class F2, class... Fs>
struct term_parts<product<constant<N, D>, F1, F2, Fs...>> {
  static constexpr rational coef{N, D};
  using rest = product<constant<1>, F1, F2, Fs...>;
};

// coef * rest, in canonical form (rest is never a constant or a sum here).
template <std::intmax_t N, std::intmax_t D, class Rest>
struct scaled { using type = product<constant<N, D>, Rest>; };
template <class Rest>
struct scaled<1, 1, Rest> { using type = Rest; };
template <std::intmax_t N, std::intmax_t D, class... Fs>
struct scaled<N, D, product<constant<1>, Fs...>> { using type = product<constant<N, D>, Fs...>; };
template <class... Fs>
struct scaled<1, 1, product<constant<1>, Fs...>> { using type = product<constant<1>, Fs...>; };

// The grouping plan of a list of terms (one instantiation per list, shared by the builders
// below).
template <class... Ts>
struct term_plan {
  static constexpr std::size_t n = sizeof...(Ts);
  static constexpr std::array<rational, n> coefs{term_parts<Ts>::coef...};
  static constexpr auto plan = plan_groups<n>({key_of<typename term_parts<Ts>::rest>::value...},
                                              {id_of<typename term_parts<Ts>::rest>...}, coefs, true);
};

// Group K of a plan: its total coefficient times the rest of its leader.  (Namespace-scope
// templates on the plan and on the list's indexer: see indexer_at in core/type_list.hpp.)
template <class P, class Indexer, std::size_t K>
using planned_term = typename scaled<P::plan.total[K].num, P::plan.total[K].den,
                                     typename term_parts<indexer_at<P::plan.leader[K], Indexer>>::rest>::type;
template <class P, class Indexer, class Seq>
struct build_terms;
template <class P, class Indexer, std::size_t... Ks>
struct build_terms<P, Indexer, std::index_sequence<Ks...>> {
  using type = type_list<planned_term<P, Indexer, Ks>...>;
};
template <bool Unchanged, class P, class L>
struct collect_planned { using type = L; };
template <class P, class... Ts>
struct collect_planned<false, P, type_list<Ts...>>
    : build_terms<P, list_indexer<Ts...>, std::make_index_sequence<P::plan.count>> {};

template <class L>
struct collect_terms;
template <class... Ts>
struct collect_terms<type_list<Ts...>> {
  using P = term_plan<Ts...>;
  // Already canonical terms (sorted, no like terms) are kept as they are, without rebuilding.
  using type = typename collect_planned<plan_is_identity(P::plan, P::coefs), P, type_list<Ts...>>::type;
};
template <>
struct collect_terms<type_list<>> { using type = type_list<>; };
// One canonical term is its own result (no plan to compute).
template <class T>
struct collect_terms<type_list<T>> { using type = type_list<T>; };

// One term added to a sum (the common case of a + b + c + ...).  When the sum's terms are in
// strictly increasing order and the new term's key equals none of theirs, the plan would keep
// every term as it is and only put the new one at position p = the number of smaller keys;
// that is decided with one pass over the keys (no plan: g++ 12 evaluates plan_groups over k
// entries far more slowly than k comparisons) and the result is built in one pass, without
// looking any term up by position (pack_at costs one overload resolution over all the terms
// with g++ 12).  Anything else (like terms, ties, sum + sum) takes the general path, which
// gives the same result here.

// Where a term with key `key` goes among terms with keys `keys`: the number of smaller keys,
// or N + 1 when the keys are not strictly increasing or one of them equals `key`.
// (A loop over an array: fold expressions over the terms are quadratic with g++ 12 and stop
// at 256 operands with clang 14.  The members are compared inline rather than through
// operator< and std::array: g++ records the constexpr calls it evaluates, and three calls
// per term per + cost about a sixth of the memory of building a 400-term sum.)
template <std::size_t N>
constexpr std::size_t insertion_point(const order_key (&keys)[N], const order_key key) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < N; ++i) {
    const order_key x = keys[i];
    if (i + 1 < N) {
      const order_key y = keys[i + 1];
      if (!(x.k < y.k || (x.k == y.k && (x.a < y.a || (x.a == y.a && x.b < y.b))))) return N + 1;
    }
    if (x.k < key.k || (x.k == key.k && (x.a < key.a || (x.a == key.a && x.b < key.b)))) ++pos;
    else if (x.k == key.k && x.a == key.a && x.b == key.b) return N + 1;
  }
  return pos;
}

// Output j: Bs[j] before P, New at P, As[j] after (As = New, rest...; Bs = rest..., New).
// (Chosen through alias templates, which instantiate no class per term as std::conditional
// would: a sum of n terms built one + at a time would make n^2 / 2 of them.)
template <int Where> struct pick_one;
template <> struct pick_one<0> { template <class B, class N, class A> using type = B; };
template <> struct pick_one<1> { template <class B, class N, class A> using type = N; };
template <> struct pick_one<2> { template <class B, class N, class A> using type = A; };
template <std::size_t P, class New, class A, class B, class Seq>
struct insert_at;
template <std::size_t P, class New, class... As, class... Bs, std::size_t... Is>
struct insert_at<P, New, type_list<As...>, type_list<Bs...>, std::index_sequence<Is...>> {
  using type = type_list<typename pick_one<(Is < P ? 0 : Is == P ? 1 : 2)>::template type<Bs, New, As>...>;
};
template <bool Fast, std::size_t P, class Terms, class New, class Rest>
struct insert_or_collect { using type = typename collect_terms<Terms>::type; };
template <std::size_t P, class Terms, class New, class... Rest>
struct insert_or_collect<true, P, Terms, New, type_list<Rest...>> {
  using type = typename insert_at<P, New, type_list<New, Rest...>, type_list<Rest..., New>,
                                  std::make_index_sequence<sizeof...(Rest) + 1>>::type;
};

template <class L, class R>
struct collect_two { using type = typename collect_terms<concat_t<L, R>>::type; };
// (The count is passed, not read as Rest::size: that static member of a list of all the
// sum's terms would be one more long-named symbol per +.)
template <std::size_t P, std::size_t N, class Terms, class New, class Rest>
struct collect_two_at : insert_or_collect<(P <= N), P, Terms, New, Rest> {};
template <class... As, class B>
  requires(sizeof...(As) >= 2)
struct collect_two<type_list<As...>, type_list<B>>
    : collect_two_at<insertion_point<sizeof...(As)>({key_of<typename term_parts<As>::rest>::value...}, key_of<typename term_parts<B>::rest>::value), sizeof...(As), type_list<As..., B>, B,
                     type_list<As...>> {};
template <class A, class... Bs>
  requires(sizeof...(Bs) >= 2)
struct collect_two<type_list<A>, type_list<Bs...>>
    : collect_two_at<insertion_point<sizeof...(Bs)>({key_of<typename term_parts<Bs>::rest>::value...}, key_of<typename term_parts<A>::rest>::value), sizeof...(Bs), type_list<A, Bs...>, A,
                     type_list<Bs...>> {};

template <class... Ls>
struct collect_lists { using type = typename collect_terms<concat_t<Ls...>>::type; };
template <class L, class R>
struct collect_lists<L, R> { using type = typename collect_two<L, R>::type; };

template <std::intmax_t N, std::intmax_t D, class Terms>
struct finish_sum;
template <std::intmax_t N, std::intmax_t D>
struct finish_sum<N, D, type_list<>> { using type = constant<N, D>; };
template <class T>
struct finish_sum<0, 1, type_list<T>> { using type = T; };
template <std::intmax_t N, std::intmax_t D, class T, class... Ts>
struct finish_sum<N, D, type_list<T, Ts...>> { using type = sum<constant<N, D>, T, Ts...>; };

// The sum of the constant parts (a loop, not a fold: the derivative of a sum of n terms is a
// make_sum of n arguments, and clang 14 stops folds at 256 operands).
template <std::size_t N>
constexpr rational total_of(const rational (&cs)[N]) {
  rational r{0};
  for (std::size_t i = 0; i < N; ++i) r = r + cs[i];
  return r;
}

template <rational C, class Terms>
struct finish_sum_of : finish_sum<C.num, C.den, Terms> {};
template <class... Args>
struct make_sum : finish_sum_of<total_of<sizeof...(Args)>({sum_parts<Args>::c...}),
                                typename collect_lists<typename sum_parts<Args>::terms...>::type> {};
// Fast paths.
template <class T>
struct make_sum<T> { using type = T; };
template <class T>
struct make_sum<T, zero> { using type = T; };
template <class T>
struct make_sum<zero, T> { using type = T; };
template <>
struct make_sum<zero, zero> { using type = zero; };

}  // namespace descent::detail

#endif
