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
template <class T>
struct sum_parts {
  static constexpr rational c{0};
  using terms = type_list<T>;
};
template <std::intmax_t N, std::intmax_t D>
struct sum_parts<constant<N, D>> {
  static constexpr rational c{N, D};
  using terms = type_list<>;
};
template <class C, class... Ts>
struct sum_parts<sum<C, Ts...>> {
  static constexpr rational c = value_of<C>;
  using terms = type_list<Ts...>;
};
template <std::intmax_t N, std::intmax_t D, class C, class... Ts>
struct sum_parts<product<constant<N, D>, sum<C, Ts...>>> {
  static constexpr rational c = rational{N, D} * value_of<C>;
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

template <class L>
struct collect_terms;
template <class... Ts>
struct collect_terms<type_list<Ts...>> {
  static constexpr std::size_t n = sizeof...(Ts);
  static constexpr std::array<rational, n> coefs{term_parts<Ts>::coef...};
  static constexpr auto plan = plan_groups<n>({key_v<typename term_parts<Ts>::rest>...},
                                              {id_of<typename term_parts<Ts>::rest>...}, coefs, true);
  template <std::size_t K>
  using term = typename scaled<plan.total[K].num, plan.total[K].den,
                               typename term_parts<pack_at<plan.leader[K], Ts...>>::rest>::type;
  template <bool Unchanged, class Seq> struct build { using type = type_list<Ts...>; };
  template <std::size_t... Ks> struct build<false, std::index_sequence<Ks...>> { using type = type_list<term<Ks>...>; };
  // Already canonical terms (sorted, no like terms) are kept as they are, without rebuilding.
  using type = typename build<plan_is_identity(plan, coefs), std::make_index_sequence<plan.count>>::type;
};
template <>
struct collect_terms<type_list<>> { using type = type_list<>; };
// One canonical term is its own result (no plan to compute).
template <class T>
struct collect_terms<type_list<T>> { using type = type_list<T>; };

template <std::intmax_t N, std::intmax_t D, class Terms>
struct finish_sum;
template <std::intmax_t N, std::intmax_t D>
struct finish_sum<N, D, type_list<>> { using type = constant<N, D>; };
template <class T>
struct finish_sum<0, 1, type_list<T>> { using type = T; };
template <std::intmax_t N, std::intmax_t D, class T, class... Ts>
struct finish_sum<N, D, type_list<T, Ts...>> { using type = sum<constant<N, D>, T, Ts...>; };

template <class... Args>
struct make_sum {
  static constexpr rational c = (rational{0} + ... + sum_parts<Args>::c);
  using terms = typename collect_terms<concat_t<typename sum_parts<Args>::terms...>>::type;
  using type = typename finish_sum<c.num, c.den, terms>::type;
};
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
