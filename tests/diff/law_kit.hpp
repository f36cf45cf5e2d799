// tests/diff/law_kit.hpp: the derivative law kit, one helper run over a list of cases.
//
// A case is (name, expression, variables, reference value, box); adding a primitive to the
// kit is one line:
//     law("sin", sin(x), wrt(x), [](double t) { return std::sin(t); }).on({-4, 4})
// check(case) then, at >= 20 points of the box (a grid in 1-D, a low-discrepancy sequence
// otherwise, minus points the case rejects with .away_from(pred), e.g. kinks):
//   - eval(f) against the reference function,
//   - every d(f, v) against central finite differences of f,
//   - every second derivative (the Hessian) against central differences of d(f, v),
//   - mixed partials symmetric, grad(f) identical to the d(f, v),
//   - float evaluation: result type float, values close to the double ones.
#ifndef DESCENT_TESTS_DIFF_LAW_KIT_HPP
#define DESCENT_TESTS_DIFF_LAW_KIT_HPP

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <span>
#include <tuple>
#include <type_traits>
#include <utility>

#include <boost/test/unit_test.hpp>

#include <descent/descent.hpp>

namespace law {

struct interval {
  double lo, hi;
};

struct anywhere {
  template <class P>
  constexpr bool operator()(const P&) const { return true; }
};

template <class E, class W, class Ref, class Keep = anywhere>
struct law_case {
  static constexpr std::size_t n = W::size();
  std::string_view name;
  E f;
  W vars;
  Ref ref;
  std::array<interval, n> box{};
  Keep keep{};

  // The box the points are drawn from, one interval per variable.
  constexpr law_case on(interval a) const requires(n == 1) { return with_box({a}); }
  constexpr law_case on(interval a, interval b) const requires(n == 2) { return with_box({a, b}); }
  constexpr law_case on(interval a, interval b, interval c) const requires(n == 3) {
    return with_box({a, b, c});
  }
  constexpr law_case with_box(std::array<interval, n> b) const {
    law_case c = *this;
    c.box = b;
    return c;
  }
  // Skip points where pred(point) is false (kinks of non-smooth functions).
  template <class Pred>
  constexpr law_case<E, W, Ref, Pred> away_from(Pred pred) const {
    return {name, f, vars, ref, box, pred};
  }
};

template <class E, class W, class Ref>
constexpr law_case<E, W, Ref> law(std::string_view name, const E& f, W vars, Ref ref) {
  return {name, f, vars, ref, {}, {}};
}

// ---- evaluation at a point given as an array ----------------------------------------------
template <class E, class... Vs, class T, std::size_t N, std::size_t... I>
auto eval_at_impl(const E& f, descent::wrt_t<Vs...>, const std::array<T, N>& p,
                  std::index_sequence<I...>) {
  return descent::eval(f, (Vs{} = p[I])...);
}
template <class E, class... Vs, class T, std::size_t N>
auto eval_at(const E& f, descent::wrt_t<Vs...> w, const std::array<T, N>& p) {
  return eval_at_impl(f, w, p, std::make_index_sequence<N>{});
}

// First derivatives d(f, v) for each variable, evaluated one by one.
template <class E, class... Vs, class T, std::size_t N>
std::array<T, N> partials_at(const E& f, descent::wrt_t<Vs...> w, const std::array<T, N>& p) {
  return {static_cast<T>(eval_at(descent::d(f, Vs{}), w, p))...};
}
// Second derivatives d(f, v, v) (nested d), one by one.
template <class E, class... Vs, class T, std::size_t N>
std::array<T, N> second_partials_at(const E& f, descent::wrt_t<Vs...> w, const std::array<T, N>& p) {
  return {static_cast<T>(eval_at(descent::d(f, Vs{}, Vs{}), w, p))...};
}

// Sample point k of a box: a midpoint grid in 1-D, an additive recurrence (Kronecker
// sequence with irrational steps) in more dimensions.
template <std::size_t N>
std::array<double, N> sample(const std::array<interval, N>& box, std::size_t k, std::size_t count) {
  static constexpr double steps[] = {0.7548776662466927, 0.5698402909980532, 0.6180339887498949,
                                     0.4142135623730950};
  std::array<double, N> p{};
  for (std::size_t i = 0; i < N; ++i) {
    double u = 0;
    if constexpr (N == 1) u = (static_cast<double>(k) + 0.5) / static_cast<double>(count);
    else u = std::fmod(0.5 + static_cast<double>(k + 1) * steps[i % 4], 1.0);
    p[i] = box[i].lo + u * (box[i].hi - box[i].lo);
  }
  return p;
}

inline double scale_of(std::initializer_list<double> vs) {
  double s = 1.0;
  for (double v : vs) s = std::max(s, std::abs(v));
  return s;
}

// Relative tolerances: finite differences with h = 1e-5 * max(1, |x|) are accurate to about
// 1e-9 here; float evaluation to a few ulps of float.
inline constexpr double fd_tol = 1e-6;
inline constexpr double value_tol = 1e-11;
inline constexpr double float_tol = 1e-4;
inline constexpr std::size_t points = 24;

// One non-template reporting function (Boost.Test's macros are costly to instantiate per
// case): |got - want| <= tol * max(1, |got|, |want|), else an error naming the case, the
// point and the quantity.
inline void expect_close(double got, double want, double tol, std::string_view name,
                         std::span<const double> p, std::string_view what, std::size_t i = 0,
                         std::size_t j = 0) {
  const bool ok = std::abs(got - want) <= tol * scale_of({got, want});
  std::string at;
  if (!ok) {
    at = std::string(name) + " at (";
    for (std::size_t k = 0; k < p.size(); ++k) at += (k ? ", " : "") + std::to_string(p[k]);
    at += "): " + std::string(what) + " [" + std::to_string(i) + "][" + std::to_string(j) + "]";
  }
  BOOST_TEST(ok, at << ": " << got << " vs " << want);
}

template <class Case>
void check(const Case& c) {
  constexpr std::size_t n = Case::n;
  const auto grad = descent::grad(c.f, c.vars);
  const auto hess = descent::hessian(c.f, c.vars);
  std::size_t used = 0;
  for (std::size_t k = 0; used < points && k < 50 * points; ++k) {
    const std::array<double, n> p = sample(c.box, k, points);
    if (!c.keep(p)) continue;
    ++used;

    // value against the reference
    static_assert(std::is_same_v<decltype(eval_at(c.f, c.vars, p)), double>);
    const double v = eval_at(c.f, c.vars, p);
    expect_close(v, std::apply(c.ref, p), value_tol, c.name, p, "value vs reference");

    // first derivatives against central differences of f
    const std::array<double, n> g = partials_at(c.f, c.vars, p);
    const std::array<double, n> gg = eval_at(grad, c.vars, p);
    const auto H = eval_at(hess, c.vars, p);
    for (std::size_t i = 0; i < n; ++i) {
      const double h = 1e-5 * std::max(1.0, std::abs(p[i]));
      auto pp = p, pm = p;
      pp[i] += h;
      pm[i] -= h;
      const double fd = (eval_at(c.f, c.vars, pp) - eval_at(c.f, c.vars, pm)) / (pp[i] - pm[i]);
      expect_close(g[i], fd, fd_tol, c.name, p, "d(f, v_i) vs finite difference", i);
      expect_close(gg[i], g[i], 1e-14, c.name, p, "grad(f)_i vs d(f, v_i)", i);

      // second derivatives: central differences of the (checked) first derivatives
      const std::array<double, n> gp = eval_at(grad, c.vars, pp), gm = eval_at(grad, c.vars, pm);
      for (std::size_t j = 0; j < n; ++j) {
        expect_close(H[i][j], (gp[j] - gm[j]) / (pp[i] - pm[i]), fd_tol, c.name, p,
                     "hessian_ij vs finite difference of d(f, v_j) along v_i", i, j);
        expect_close(H[i][j], H[j][i], 1e-12, c.name, p, "mixed partials H_ij vs H_ji", i, j);
      }
    }
    // d(f, v, v) directly, against the Hessian's diagonal
    const std::array<double, n> d2 = second_partials_at(c.f, c.vars, p);
    for (std::size_t i = 0; i < n; ++i)
      expect_close(d2[i], H[i][i], 1e-14, c.name, p, "d(f, v_i, v_i) vs hessian_ii", i, i);

    // float: the result type is float and the values are close to the double ones at the
    // same (float) point
    std::array<float, n> pf{};
    std::array<double, n> pd{};
    for (std::size_t i = 0; i < n; ++i) { pf[i] = static_cast<float>(p[i]); pd[i] = pf[i]; }
    static_assert(std::is_same_v<decltype(eval_at(c.f, c.vars, pf)), float>);
    static_assert(std::is_same_v<decltype(eval_at(grad, c.vars, pf)), std::array<float, n>>);
    expect_close(eval_at(c.f, c.vars, pf), eval_at(c.f, c.vars, pd), float_tol, c.name, p, "float value");
    const std::array<float, n> gf = eval_at(grad, c.vars, pf);
    const std::array<double, n> gd = eval_at(grad, c.vars, pd);
    for (std::size_t i = 0; i < n; ++i)
      expect_close(gf[i], gd[i], float_tol, c.name, p, "float d(f, v_i)", i);
  }
  BOOST_TEST(used >= 20, c.name << ": only " << used << " points in the domain");
}

// lhs == rhs to a relative tolerance, for laws between two computed derivatives.
inline void expect_rule(double lhs, double rhs, std::string_view name, std::string_view rule, double a,
                        double b = 0, double tolerance = 1e-11) {
  BOOST_TEST(std::abs(lhs - rhs) <= tolerance * scale_of({lhs, rhs}),
             name << ": " << rule << " at (" << a << ", " << b << "): " << lhs << " vs " << rhs);
}

// Run check over every case of a tuple.
template <class... Cases>
void check_all(const std::tuple<Cases...>& cases) {
  std::apply([](const auto&... c) { (check(c), ...); }, cases);
}

}  // namespace law

#endif
