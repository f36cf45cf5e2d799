// descent/simplify/fwd.hpp: the canonicalising builders, declared.
//
// Every node is made through one of these, so an expression is always in canonical form
// (node/node.hpp lists the forms).  They are mutually recursive: a sum distributes a
// numeric factor through make_product, a product adds exponents through make_sum.
#ifndef DESCENT_SIMPLIFY_FWD_HPP
#define DESCENT_SIMPLIFY_FWD_HPP

#include <array>
#include <cstddef>

#include <descent/core/type_list.hpp>
#include <descent/node/order.hpp>
#include <descent/node/traits.hpp>

namespace descent::detail {

template <class... Ts> struct make_sum;
template <class... Ts> struct make_product;
template <class B, class E> struct make_power;
template <class Fn, class... As> struct make_apply;

template <class... Ts> using sum_t = typename make_sum<Ts...>::type;
template <class... Ts> using product_t = typename make_product<Ts...>::type;
template <class B, class E> using power_t = typename make_power<B, E>::type;
template <class Fn, class... As> using apply_t = typename make_apply<Fn, As...>::type;

template <class T> using negate_t = product_t<constant<-1>, T>;
template <class A, class B> using difference_t = sum_t<A, negate_t<B>>;
template <class T> using reciprocal_t = power_t<T, constant<-1>>;
template <class A, class B> using quotient_t = product_t<A, reciprocal_t<B>>;

// Grouping plan shared by sums (like terms) and products (like bases): sort by order key,
// then merge entries whose types are identical (compared by address identity, exactly).
template <std::size_t N>
struct group_plan {
  std::array<std::size_t, N> leader{};      // representative entry of each group
  std::array<rational, N> total{};           // summed numeric weight of each group
  std::array<std::size_t, N> group_of{};     // group of each entry (N when dropped)
  std::size_t count = 0;
};

// The plan keeps every entry, in place, with its own weight: the input was canonical.
template <std::size_t N>
constexpr bool plan_is_identity(const group_plan<N>& p, const std::array<rational, N>& weights) {
  if (p.count != N) return false;
  for (std::size_t i = 0; i < N; ++i)
    if (p.leader[i] != i || !(p.total[i] == weights[i])) return false;
  return true;
}

template <std::size_t N>
constexpr group_plan<N> plan_groups(const std::array<order_key, N>& keys,
                                    const std::array<const void*, N>& ids,
                                    const std::array<rational, N>& weights, bool drop_zero) {
  const std::array<std::size_t, N> idx = sorted_order(keys);
  group_plan<N> p{};
  std::array<bool, N> used{};
  for (std::size_t i = 0; i < N; ++i) p.group_of[i] = N;
  for (std::size_t s = 0; s < N; ++s) {
    const std::size_t i = idx[s];
    if (used[i]) continue;
    used[i] = true;
    rational total = weights[i];
    // Entries with equal keys are adjacent after sorting; among them, merge identical types.
    std::size_t end = s + 1;
    while (end < N && !(keys[i] < keys[idx[end]])) ++end;
    for (std::size_t t = s + 1; t < end; ++t) {
      const std::size_t j = idx[t];
      if (!used[j] && ids[j] == ids[i]) { used[j] = true; total = total + weights[j]; p.group_of[j] = p.count; }
    }
    if (drop_zero && total.is_zero()) {
      for (std::size_t t = s; t < end; ++t)
        if (p.group_of[idx[t]] == p.count) p.group_of[idx[t]] = N;
      continue;
    }
    p.group_of[i] = p.count;
    p.leader[p.count] = i;
    p.total[p.count] = total;
    ++p.count;
  }
  return p;
}

}  // namespace descent::detail

#endif
