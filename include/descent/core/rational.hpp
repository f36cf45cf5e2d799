// descent/core/rational.hpp: exact rational arithmetic for compile-time constants.
#ifndef DESCENT_CORE_RATIONAL_HPP
#define DESCENT_CORE_RATIONAL_HPP

#include <cstdint>
#include <numeric>

namespace descent::detail {

// Called only when a compile-time constant overflows: not constexpr, so the evaluation
// that reaches it is not a constant expression and the compiler names this function.
inline void rational_overflow_in_compile_time_constant() {}

constexpr std::intmax_t checked_mul(std::intmax_t a, std::intmax_t b) {
  std::intmax_t r{};
  if (__builtin_mul_overflow(a, b, &r)) rational_overflow_in_compile_time_constant();
  return r;
}
constexpr std::intmax_t checked_add(std::intmax_t a, std::intmax_t b) {
  std::intmax_t r{};
  if (__builtin_add_overflow(a, b, &r)) rational_overflow_in_compile_time_constant();
  return r;
}

// num/den in lowest terms with den > 0.
struct rational {
  std::intmax_t num = 0;
  std::intmax_t den = 1;

  constexpr rational() = default;
  constexpr rational(std::intmax_t n, std::intmax_t d = 1) : num(n), den(d) {
    if (den < 0) { num = -num; den = -den; }
    const std::intmax_t g = std::gcd(num, den);
    if (g > 1) { num /= g; den /= g; }
  }
  constexpr bool is_integer() const { return den == 1; }
  constexpr bool is_zero() const { return num == 0; }
  constexpr bool is_one() const { return num == 1 && den == 1; }
  friend constexpr bool operator==(rational, rational) = default;

  friend constexpr rational operator+(rational a, rational b) {
    const std::intmax_t g = std::gcd(a.den, b.den);
    return {checked_add(checked_mul(a.num, b.den / g), checked_mul(b.num, a.den / g)),
            checked_mul(a.den / g, b.den)};
  }
  friend constexpr rational operator-(rational a) { return {-a.num, a.den}; }
  friend constexpr rational operator-(rational a, rational b) { return a + (-b); }
  friend constexpr rational operator*(rational a, rational b) {
    const std::intmax_t g1 = std::gcd(a.num, b.den), g2 = std::gcd(b.num, a.den);
    const std::intmax_t ga = g1 ? g1 : 1, gb = g2 ? g2 : 1;
    return {checked_mul(a.num / ga, b.num / gb), checked_mul(a.den / gb, b.den / ga)};
  }
  friend constexpr rational operator/(rational a, rational b) { return a * rational{b.den, b.num}; }
  friend constexpr bool operator<(rational a, rational b) {
    return checked_mul(a.num, b.den) < checked_mul(b.num, a.den);
  }
};

// Exact integer power (exponent may be negative).
constexpr rational pow(rational b, std::intmax_t e) {
  rational r{1}, base = e < 0 ? rational{b.den, b.num} : b;
  for (std::intmax_t k = e < 0 ? -e : e; k > 0; k >>= 1) {
    if (k & 1) r = r * base;
    if (k > 1) base = base * base;
  }
  return r;
}

// The exact q-th root of a non-negative integer, or -1 when it is not a perfect power.
constexpr std::intmax_t exact_root(std::intmax_t v, std::intmax_t q) {
  if (v < 0) return -1;
  if (v < 2) return v;
  std::intmax_t lo = 1, hi = v;
  while (lo <= hi) {
    const std::intmax_t mid = lo + (hi - lo) / 2;
    std::intmax_t p = 1;
    bool over = false;
    for (std::intmax_t i = 0; i < q && !over; ++i) {
      if (__builtin_mul_overflow(p, mid, &p) || p > v) over = true;
    }
    if (!over && p == v) return mid;
    if (over) hi = mid - 1; else lo = mid + 1;
  }
  return -1;
}

}  // namespace descent::detail

#endif
