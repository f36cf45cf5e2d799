// descent/check/gradient.hpp: check_gradient(f, wrt(x, y), x = 1.0, y = 2.0).
//
// Compares the symbolic gradient with central finite differences,
//   (f(x + h e_i) - f(x - h e_i)) / (2 h),  h = cbrt(eps) * max(1, |x_i|)
// (the step that balances truncation O(h^2) and rounding O(eps/h) errors), and reports the
// worst error, relative where the derivative is large and absolute where it is small:
//   |symbolic - numeric| / max(1, |symbolic|, |numeric|).
#ifndef DESCENT_CHECK_GRADIENT_HPP
#define DESCENT_CHECK_GRADIENT_HPP

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

#include <descent/eval/eval.hpp>

namespace descent {

struct gradient_check {
  double max_error = 0;          // worst |symbolic - numeric| / max(1, |symbolic|, |numeric|)
  std::size_t index = 0;         // position in wrt(...) where it occurred
  std::string_view variable;     // the variable's name
  double symbolic = 0, numeric = 0;  // both derivatives there
  double step = 0;               // the finite-difference step used there
};

namespace detail {
// The argument checks of check_gradient, in its words; instantiated by the call at once.
template <class F, class W>
struct check_gradient_arguments {
  static_assert(expression<F>, "descent::check_gradient(f, wrt(...), bindings...): f is not a descent expression");
  static_assert(is_wrt_v<W>, "descent::check_gradient(f, vars, bindings...): pass the variables as descent::wrt(x, y, ...)");
};

// A context that reads one variable from an override and the rest from a base context.
template <class Base, class Var, class T>
struct override_context {
  const Base& base;
  T value;
  template <class W>
  static constexpr std::size_t count = Base::template count<W>;
  template <class W>
  static constexpr bool binds = count<W> == 1;
  template <class W>
  constexpr T get(const W& w) const {
    if constexpr (std::is_same_v<W, Var>) return value;
    else return static_cast<T>(base.get(w));
  }
};
}  // namespace detail

struct check_gradient_fn {
  template <class F, class W, class... Bs>
  gradient_check operator()(const F& f, W w, const Bs&... bs) const {
    (void)detail::check_gradient_arguments<F, W>{};
    if constexpr (expression<F> && detail::is_wrt_v<W> && detail::check_bindings<Bs...>())
      return run(f, w, binding_set<Bs...>{bs...});
    else
      return {};
  }

 private:
  template <class F, class... Vs, class Ctx>
  static gradient_check run(const F& f, wrt_t<Vs...>, const Ctx& ctx) {
    static_assert((Ctx::template binds<Vs> && ...),
                  "descent::check_gradient(f, wrt(...), bindings...): bind every variable of wrt(...)");
    using tree = detail::tree_t<F>;
    const double* lits = detail::literal_data(f);
    const auto sym = detail::evaluate_roots<double, detail::derivative_t<tree, Vs>...>(ctx, lits);
    gradient_check out{};
    out.max_error = -1;
    std::size_t i = 0;
    (check_one<tree, Vs>(ctx, lits, sym[i], i, wrt_t<Vs...>::names[i], out), ...);
    return out;
  }

  template <class Tree, class Var, class Ctx>
  static void check_one(const Ctx& ctx, const double* lits, double symbolic, std::size_t& i,
                        std::string_view name, gradient_check& out) {
    const double x0 = static_cast<double>(ctx.get(Var{}));
    const double h = std::cbrt(std::numeric_limits<double>::epsilon()) * std::max(1.0, std::abs(x0));
    const double xp = x0 + h, xm = x0 - h;  // exact step actually taken: (xp - xm)
    using C = detail::override_context<Ctx, Var, double>;
    const double fp = detail::evaluate_roots<double, Tree>(C{ctx, xp}, lits)[0];
    const double fm = detail::evaluate_roots<double, Tree>(C{ctx, xm}, lits)[0];
    const double numeric = (fp - fm) / (xp - xm);
    const double err = std::abs(symbolic - numeric) /
                       std::max({1.0, std::abs(symbolic), std::abs(numeric)});
    if (!(err <= out.max_error)) out = {err, i, name, symbolic, numeric, h};  // NaN counts as worst
    ++i;
  }
};

// check_gradient(f, wrt(x, y), x = 1.0, y = 2.0): symbolic vs finite-difference gradient.
inline constexpr check_gradient_fn check_gradient{};

}  // namespace descent

#endif
