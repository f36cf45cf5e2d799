// descent/simplify/product.hpp: canonical products.
//
// make_product flattens nested products, folds numeric factors exactly, merges like bases
// by adding exponents (x * x -> x^2, x / x -> 1, x^a * x^b -> x^(a+b)) and sorts factors
// into the canonical order.  Sums are never expanded: that keeps derivatives small.
#ifndef DESCENT_SIMPLIFY_PRODUCT_HPP
#define DESCENT_SIMPLIFY_PRODUCT_HPP

#include <descent/simplify/fwd.hpp>
#include <descent/simplify/sum.hpp>

namespace descent::detail {

template <class T>
struct product_parts {
  static constexpr rational c{1};
  using factors = type_list<T>;
};
template <std::intmax_t N, std::intmax_t D>
struct product_parts<constant<N, D>> {
  static constexpr rational c{N, D};
  using factors = type_list<>;
};
template <class C, class... Fs>
struct product_parts<product<C, Fs...>> {
  static constexpr rational c = value_of<C>;
  using factors = type_list<Fs...>;
};

template <class T> inline constexpr rational exponent_weight = {0};
template <std::intmax_t N, std::intmax_t D> inline constexpr rational exponent_weight<constant<N, D>> = {N, D};

// Whether a built factor is already canonical (else the product is normalised once more).
template <class T>
inline constexpr bool proper_factor_v = !is_constant_v<T> && !is_product_v<T>;

template <std::intmax_t N, std::intmax_t D, class Factors>
struct finish_product;
template <std::intmax_t N, std::intmax_t D>
struct finish_product<N, D, type_list<>> { using type = constant<N, D>; };
template <class F>
struct finish_product<1, 1, type_list<F>> { using type = F; };
template <std::intmax_t N, std::intmax_t D, class F, class... Fs>
struct finish_product<N, D, type_list<F, Fs...>> { using type = product<constant<N, D>, F, Fs...>; };

template <std::intmax_t CN, std::intmax_t CD, class L, bool Proper>
struct product_from_factors;
template <std::intmax_t CN, std::intmax_t CD, class... Fs>
struct product_from_factors<CN, CD, type_list<Fs...>, true> {
  using type = typename finish_product<CN, CD, type_list<Fs...>>::type;
};
template <std::intmax_t CN, std::intmax_t CD, class... Fs>
struct product_from_factors<CN, CD, type_list<Fs...>, false> {
  using type = product_t<constant<CN, CD>, Fs...>;  // some factor folded into a constant
};

template <std::intmax_t CN, std::intmax_t CD, class L>
struct collect_factors;
template <std::intmax_t CN, std::intmax_t CD, class... Fs>
struct collect_factors<CN, CD, type_list<Fs...>> {
  static constexpr std::size_t n = sizeof...(Fs);
  static constexpr bool all_constant_exponents = (is_constant_v<typename factor_parts<Fs>::exponent> && ...);
  static constexpr std::array<rational, n> weights{exponent_weight<typename factor_parts<Fs>::exponent>...};
  static constexpr auto plan = plan_groups<n>({key_of<typename factor_parts<Fs>::base>::value...},
                                              {id_of<typename factor_parts<Fs>::base>...}, weights,
                                              all_constant_exponents);
  template <std::size_t K>
  using base = typename factor_parts<pack_at<plan.leader[K], Fs...>>::base;
  // Exponent of group K: exact when all are numbers, else a sum of the exponents.
  template <std::size_t K>
  struct members {
    static constexpr std::array<bool, n> flags = [] {
      std::array<bool, n> f{};
      for (std::size_t i = 0; i < n; ++i) f[i] = plan.group_of[i] == K;
      return f;
    }();
    static constexpr auto picked = positions_of(flags);
    static constexpr std::size_t picked_count = count_true(flags);
  };
  template <std::size_t K, bool Exact = all_constant_exponents>
  struct exponent_of { using type = constant<plan.total[K].num, plan.total[K].den>; };
  template <std::size_t K>
  struct exponent_of<K, false> {
    using type = apply_list_t<sum_t, pick_t<members<K>, type_list<typename factor_parts<Fs>::exponent...>>>;
  };
  template <std::size_t K>
  using exponent = typename exponent_of<K>::type;
  template <std::size_t K>
  using factor = power_t<base<K>, exponent<K>>;
  template <bool Unchanged, class Seq> struct build {
    // Already canonical factors (sorted, distinct bases) are kept as they are.
    using list = type_list<Fs...>;
    static constexpr bool proper = true;
  };
  template <std::size_t... Ks> struct build<false, std::index_sequence<Ks...>> {
    using list = type_list<factor<Ks>...>;
    static constexpr bool proper = (proper_factor_v<factor<Ks>> && ...);
  };
  using built = build<plan_is_identity(plan, weights), std::make_index_sequence<plan.count>>;
  using type = typename product_from_factors<CN, CD, typename built::list, built::proper>::type;
};
template <std::intmax_t CN, std::intmax_t CD>
struct collect_factors<CN, CD, type_list<>> { using type = constant<CN, CD>; };
// One canonical factor is its own result (no plan to compute).
template <std::intmax_t CN, std::intmax_t CD, class F>
struct collect_factors<CN, CD, type_list<F>> { using type = typename finish_product<CN, CD, type_list<F>>::type; };

template <bool Zero, std::intmax_t CN, std::intmax_t CD, class Factors>
struct product_or_zero { using type = zero; };
template <std::intmax_t CN, std::intmax_t CD, class Factors>
struct product_or_zero<false, CN, CD, Factors> { using type = typename collect_factors<CN, CD, Factors>::type; };

template <class... Args>
struct make_product {
  static constexpr rational c = (rational{1} * ... * product_parts<Args>::c);
  using type = typename product_or_zero<c.is_zero(), c.num, c.den, concat_t<typename product_parts<Args>::factors...>>::type;
};
// Fast paths.
template <class T>
struct make_product<T> { using type = T; };
template <class T>
struct make_product<one, T> { using type = T; };
template <class T>
struct make_product<T, one> { using type = T; };
template <>
struct make_product<one, one> { using type = one; };
template <class T>
struct make_product<zero, T> { using type = zero; };
template <class T>
struct make_product<T, zero> { using type = zero; };
template <>
struct make_product<zero, zero> { using type = zero; };
template <>
struct make_product<zero, one> { using type = zero; };
template <>
struct make_product<one, zero> { using type = zero; };

}  // namespace descent::detail

#endif
