// descent/node/order.hpp: the structural hash of a node type and the canonical order of
// terms and factors (what simplify/ sorts by).
#ifndef DESCENT_NODE_ORDER_HPP
#define DESCENT_NODE_ORDER_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include <descent/core/hash.hpp>
#include <descent/node/node.hpp>

namespace descent::detail {

// ---- structural hash ---------------------------------------------------------------
enum class kind : unsigned { constant, literal, variable, function, sum };

// (A plain function, not a lambda in each hash_of: a lambda is a function named after its
// node type, and with g++ 12 the cost of a name grows faster than its length.)
constexpr std::uint64_t mix_all(std::uint64_t h, std::initializer_list<std::uint64_t> cs) {
  for (std::uint64_t c : cs) h = mix(h, c);
  return h;
}

// The hash and the key are members of bases named by their values alone: a static member
// of hash_of<T> itself would be a symbol named after the whole node.
template <std::uint64_t H>
struct hash_constant { static constexpr std::uint64_t value = H; };

template <class T> struct hash_of;
template <class T> inline constexpr std::uint64_t hash_v = hash_of<T>::value;

template <std::intmax_t N, std::intmax_t D>
struct hash_of<constant<N, D>> {
  static constexpr std::uint64_t value = mix(mix(1, static_cast<std::uint64_t>(N)), static_cast<std::uint64_t>(D));
};
template <std::size_t I>
struct hash_of<literal<I>> { static constexpr std::uint64_t value = mix(2, I); };
template <fixed_string N>
struct hash_of<var<N>> { static constexpr std::uint64_t value = mix(3, hash_string(N.view())); };
template <class C, class... Ts>
struct hash_of<sum<C, Ts...>>
    : hash_constant<mix_all(mix(4, hash_of<C>::value), {std::uint64_t{0}, hash_of<Ts>::value...})> {};
template <class C, class... Fs>
struct hash_of<product<C, Fs...>>
    : hash_constant<mix_all(mix(5, hash_of<C>::value), {std::uint64_t{0}, hash_of<Fs>::value...})> {};
template <class B, class E>
struct hash_of<power<B, E>> : hash_constant<mix(mix(6, hash_of<B>::value), hash_of<E>::value)> {};
template <class Fn, class... As>
struct hash_of<apply<Fn, As...>>
    : hash_constant<mix_all(mix(7, hash_string(Fn::name)), {std::uint64_t{0}, hash_of<As>::value...})> {};

// ---- canonical order ---------------------------------------------------------------
// Literals, then variables by name, then the rest; powers sort next to their base.  Ties
// (distinct types, equal keys) only cost canonicity, never correctness: equality is
// decided by type identity.
struct order_key {
  unsigned k = 0;
  std::uint64_t a = 0, b = 0;
  friend constexpr bool operator<(const order_key& x, const order_key& y) {
    if (x.k != y.k) return x.k < y.k;
    if (x.a != y.a) return x.a < y.a;
    return x.b < y.b;
  }
};

constexpr std::uint64_t name_prefix(std::string_view s) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
  return v;
}

template <unsigned K, std::uint64_t A, std::uint64_t B>
struct key_constant { static constexpr order_key value{K, A, B}; };
template <class T> struct key_of : key_constant<static_cast<unsigned>(kind::function), hash_of<T>::value, 0> {};
template <class T> inline constexpr order_key key_v = key_of<T>::value;
template <std::intmax_t N, std::intmax_t D> struct key_of<constant<N, D>> {
  static constexpr order_key value{static_cast<unsigned>(kind::constant), hash_of<constant<N, D>>::value, 0};
};
template <std::size_t I> struct key_of<literal<I>> {
  static constexpr order_key value{static_cast<unsigned>(kind::literal), I, 0};
};
template <fixed_string N> struct key_of<var<N>> {
  static constexpr order_key value{static_cast<unsigned>(kind::variable), name_prefix(N.view()), hash_of<var<N>>::value};
};
template <class B, class E> struct key_of<power<B, E>>
    : key_constant<key_of<B>::value.k, key_of<B>::value.a, mix(key_of<B>::value.b, hash_of<E>::value)> {};
template <class C, class F, class... Fs> struct key_of<product<C, F, Fs...>>
    : key_constant<key_of<F>::value.k, key_of<F>::value.a, hash_of<product<C, F, Fs...>>::value> {};
template <class C, class... Ts> struct key_of<sum<C, Ts...>>
    : key_constant<static_cast<unsigned>(kind::sum), hash_of<sum<C, Ts...>>::value, 0> {};

// The positions 0..N-1 ordered by their keys, equal keys in their original order (a stable
// bottom-up merge sort, so the same order as a stable insertion sort, in N log N steps: the
// derivative of a sum of n terms sorts n keys in one go, and an insertion sort of 300 keys
// already ran past clang's constexpr step limit).
template <std::size_t N>
constexpr std::array<std::size_t, N> sorted_order(const std::array<order_key, N>& keys) {
  std::array<std::size_t, N> idx{}, tmp{};
  for (std::size_t i = 0; i < N; ++i) idx[i] = i;
  for (std::size_t width = 1; width < N; width *= 2) {
    for (std::size_t lo = 0; lo < N; lo += 2 * width) {
      const std::size_t mid = lo + width < N ? lo + width : N;
      const std::size_t hi = lo + 2 * width < N ? lo + 2 * width : N;
      std::size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) tmp[k++] = keys[idx[j]] < keys[idx[i]] ? idx[j++] : idx[i++];
      while (i < mid) tmp[k++] = idx[i++];
      while (j < hi) tmp[k++] = idx[j++];
    }
    idx = tmp;
  }
  return idx;
}

}  // namespace descent::detail

#endif
