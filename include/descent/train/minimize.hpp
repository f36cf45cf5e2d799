// descent/train/minimize.hpp: the one training loop.
//
//   auto r = descent::minimize(f, x, method_or_optimizer,
//                              descent::max_iterations{1000} || descent::gradient_norm_below{1e-8},
//                              callbacks...);
// f: a descent::objective (f(x, g) returns f(x) and writes the gradient into g).
// x: the parameters, std::span<T> or any contiguous range of double or float; updated in
//    place (an lvalue, or a view such as std::span).
// method_or_optimizer: a descent::method (L-BFGS, Newton, ...), or a first-order optimizer
//    (opt.step(params, grads)), which is wrapped by descent::first_order.  Held by reference:
//    its state after the run is the state the run left.
// stop: a stopping rule (descent/train/stop.hpp), checked before every iteration.
// callbacks...: objects with optional hooks (descent/train/callback.hpp), and optionally one
//    descent::minimize_options.
//
// Each iteration: check the stopping rule; remember x, g (the divergence guard); method.step
// (which leaves loss and g as those of the new x); the guard (a NaN or Inf loss or gradient
// restores the last finite x and g and ends the run, by default with divergence_error);
// a `failed` step ends the run with the method's message; callbacks' on_iteration (any
// false ends it); a `converged` step ends it.  At the end: callbacks' on_finish (keep_best may
// put back the best point, which is then re-evaluated), on_end, and the result.
#ifndef DESCENT_TRAIN_MINIMIZE_HPP
#define DESCENT_TRAIN_MINIMIZE_HPP

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <limits>
#include <ranges>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <descent/core/norm.hpp>
#include <descent/diff/wrt.hpp>
#include <descent/objectives/expression.hpp>
#include <descent/train/detail/format.hpp>
#include <descent/train/detail/hooks.hpp>
#include <descent/train/detail/params.hpp>
#include <descent/train/first_order.hpp>
#include <descent/problem/method.hpp>
#include <descent/problem/objective.hpp>
#include <descent/train/result.hpp>
#include <descent/train/stop.hpp>

namespace descent {

namespace detail {

/// Index of the first NaN/Inf entry, or -1.
template <class T>
std::ptrdiff_t first_non_finite(std::span<const T> g) {
  for (std::size_t i = 0; i < g.size(); ++i)
    if (!std::isfinite(g[i])) return static_cast<std::ptrdiff_t>(i);
  return -1;
}

/// "loss is NaN at iteration 37 (gradient finite)" and its variants.
template <class T>
std::string divergence_what(T loss, std::span<const T> g, std::ptrdiff_t bad, std::size_t it,
                            bool at_start) {
  const std::string where = at_start ? "at the starting point" : "at iteration " + num(it);
  const auto entry = [&] {
    return "element " + num(static_cast<std::size_t>(bad)) + " is " +
           num(static_cast<double>(g[static_cast<std::size_t>(bad)]));
  };
  if (!std::isfinite(loss))
    return "loss is " + num(static_cast<double>(loss)) + " " + where +
           (bad < 0 ? " (gradient finite)" : " (gradient not finite either: " + entry() + ")");
  return "gradient is not finite " + where + " (" + entry() + "; loss finite: " +
         num(static_cast<double>(loss)) + ")";
}

template <class C>
inline constexpr bool is_options_v = std::is_same_v<std::remove_cvref_t<C>, minimize_options>;

// The minimize_options among the callbacks (the last one), or the defaults.  A fold, not
// hana::find_if: measured cheaper (docs/design/architecture.md, "Argument handling").
template <class... Cs>
minimize_options options_of(const Cs&... cs) {
  minimize_options o;
  const auto take = [&o](const auto& c) {
    if constexpr (is_options_v<decltype(c)>) o = c;
  };
  (take(cs), ...);
  (void)take;  // no callbacks
  return o;
}

template <class T, class F, class M, class S, class... Cs>
minimize_result<T> run_loop(F& f, std::span<T> x, M& m, S& stop, Cs&... cbs) {
  using clock = std::chrono::steady_clock;
  const minimize_options opt = options_of(cbs...);
  if (x.empty())
    throw std::invalid_argument("descent::minimize: params is empty: there is nothing to minimise");
  // An objective that knows its parameter count (f.dimension() or a dimension member).
  std::size_t dim = x.size();
  if constexpr (requires { { f.dimension() } -> std::convertible_to<std::size_t>; })
    dim = static_cast<std::size_t>(f.dimension());
  else if constexpr (requires { { f.dimension } -> std::convertible_to<std::size_t>; })
    dim = static_cast<std::size_t>(f.dimension);
  if (dim != x.size())
    throw std::invalid_argument("descent::minimize: the objective takes " + num(dim) +
                                " parameters but params has " + num(x.size()) + " elements");
  const std::size_t n = x.size();
  std::vector<T> g(n);
  std::vector<T> x_prev;  // the last finite iterate, for the divergence guard
  if (opt.check_finite) x_prev.resize(n);
  const auto t0 = clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(clock::now() - t0).count(); };
  const std::span<const T> cx(x.data(), n);
  const std::span<const T> cg(g.data(), n);
  const std::span<T> gs(g.data(), n);

  iteration_state<T> st;
  st.iteration = opt.start_iteration;
  st.x = cx;
  st.g = cg;
  st.previous_loss = std::numeric_limits<T>::quiet_NaN();
  T loss = static_cast<T>(f(cx, gs));
  st.evaluations = 1;
  st.loss = loss;
  double gnorm = norm2(cg);
  st.grad_norm = static_cast<T>(gnorm);
  st.seconds = elapsed();
  (call_on_begin(cbs, st, m), ...);

  minimize_result<T> res;
  std::size_t diverged_at = 0;
  if (opt.check_finite && !(std::isfinite(loss) && std::isfinite(gnorm)) &&
      (!std::isfinite(loss) || first_non_finite(cg) >= 0)) {
    res.reason = stop_reason::diverged;
    diverged_at = st.iteration;
    res.message = "descent::minimize: " +
                  divergence_what(loss, cg, first_non_finite(cg), st.iteration, true) +
                  "; nothing to restore: check the objective and the initial parameters";
  }

  while (res.reason == stop_reason::none) {
    if (auto d = stop.check(st)) {
      res.reason = d.reason;
      res.message = std::move(d.message);
      break;
    }
    if (opt.check_finite) std::copy(x.begin(), x.end(), x_prev.begin());
    const T prev_loss = loss;
    const step_report rep = m.step(f, x, loss, gs);
    st.evaluations += rep.evaluations;
    ++st.iteration;
    gnorm = norm2(cg);
    if (opt.check_finite && !(std::isfinite(loss) && std::isfinite(gnorm))) {
      const auto bad = first_non_finite(cg);
      if (!std::isfinite(loss) || bad >= 0) {  // (a finite g can still overflow the norm)
        diverged_at = st.iteration;
        std::string what = divergence_what(loss, cg, bad, st.iteration, false);
        // Back to the last finite iterate; its gradient is evaluated again (one evaluation,
        // only here) rather than copied on every iteration.
        std::copy(x_prev.begin(), x_prev.end(), x.begin());
        loss = static_cast<T>(f(cx, gs));
        ++st.evaluations;
        --st.iteration;  // st still holds the restored iterate's loss and norm
        res.reason = stop_reason::diverged;
        res.message = "descent::minimize: " + what + "; parameters restored to iteration " +
                      num(st.iteration);
        break;
      }
    }
    st.previous_loss = prev_loss;
    st.loss = loss;
    st.grad_norm = static_cast<T>(gnorm);
    st.seconds = elapsed();
    if (rep.status == method_status::failed) {
      res.reason = stop_reason::method_failed;
      res.message = "the method failed at iteration " + num(st.iteration) + ": " +
                    (rep.message != nullptr ? rep.message : "(no message)");
      break;
    }
    bool go_on = true;
    std::string why;
    const auto visit = [&](auto& cb) {
      if (!call_on_iteration(cb, st, m) && go_on) {
        go_on = false;
        why = stop_message_of(cb);
      }
    };
    (visit(cbs), ...);
    (void)visit;  // no callbacks
    if (!go_on) {
      res.reason = stop_reason::callback;
      res.message = std::move(why);
      break;
    }
    if (rep.status == method_status::converged) {
      res.reason = stop_reason::converged;
      res.message = "the method converged at iteration " + num(st.iteration) +
                    (rep.message != nullptr ? std::string(": ") + rep.message : std::string());
      break;
    }
  }

  bool moved = false;
  ((moved = call_on_finish(cbs, x) || moved), ...);
  if (moved) {  // a callback put back other parameters (keep_best): evaluate them
    loss = static_cast<T>(f(cx, gs));
    ++st.evaluations;
    st.loss = loss;
    st.grad_norm = static_cast<T>(norm2(cg));
  }
  res.loss = st.loss;
  res.grad_norm = st.grad_norm;
  res.iterations = st.iteration;
  res.evaluations = st.evaluations;
  res.seconds = elapsed();
  (call_on_end(cbs, res, st, m), ...);
  if (res.reason == stop_reason::diverged && opt.on_divergence == divergence_action::throw_error)
    throw divergence_error(res.message, diverged_at, st.iteration);
  return res;
}

}  // namespace detail

namespace detail {
template <class W>
concept variable_list = detail::is_wrt_v<std::remove_cvref_t<W>>;
}  // namespace detail

/// descent::minimize(f, params, method_or_optimizer, stop, callbacks...) -> minimize_result<T>
/// descent::minimize(expr, wrt(x, y), params, method_or_optimizer, stop, callbacks...): the
///   same with descent::make_objective(expr, wrt(x, y)).
struct minimize_fn {
  template <expression E, detail::variable_list W, class P, class M, class S, class... Cs>
  auto operator()(const E& expr, W vars, P&& params, M&& method_or_optimizer, S&& stop,
                  Cs&&... callbacks) const {
    return (*this)(make_objective(expr, vars), std::forward<P>(params),
                   std::forward<M>(method_or_optimizer), std::forward<S>(stop),
                   std::forward<Cs>(callbacks)...);
  }

  template <class F, class P, class M, class S, class... Cs>
    requires(!detail::variable_list<P>)
  auto operator()(F&& f, P&& params, M&& method_or_optimizer, S&& stop, Cs&&... callbacks) const {
    using T = detail::param_value_t<P>;
    using Fn = std::remove_reference_t<F>;
    using Mn = std::remove_reference_t<M>;
    using Sn = std::remove_cvref_t<S>;
    using Wrapped = std::conditional_t<descent::method<Mn, Fn, T>, Mn, first_order<Mn&>>;
    constexpr bool params_ok = detail::writable_params<std::remove_reference_t<P>>;
    constexpr bool lifetime_ok =
        std::is_lvalue_reference_v<P> || std::ranges::borrowed_range<std::remove_reference_t<P>>;
    constexpr bool objective_ok = objective<Fn, T>;
    constexpr bool method_ok = descent::method<Mn, Fn, T> || first_order_optimizer<Mn, T>;
    constexpr bool stop_ok = stop_rule<Sn, T> && std::is_copy_constructible_v<Sn>;
    constexpr bool callbacks_ok = ((detail::is_options_v<Cs> ||
                                    detail::has_hook<std::remove_reference_t<Cs>, T, Wrapped>) &&
                                   ...);
    if constexpr (!params_ok) {
      static_assert(params_ok,
                    "descent::minimize(f, params, method, stop, callbacks...): 'params' must be a "
                    "writable contiguous range of double or float (std::span<double>, "
                    "std::vector<float>, std::array<double, N>, ...)");
      return minimize_result<T>{};
    } else if constexpr (!lifetime_ok) {
      static_assert(lifetime_ok,
                    "descent::minimize(f, params, method, stop, callbacks...): 'params' is a "
                    "temporary container: the minimised parameters would be lost; pass a variable "
                    "or a std::span over it");
      return minimize_result<T>{};
    } else if constexpr (!objective_ok) {
      static_assert(objective_ok,
                    "descent::minimize(f, params, method, stop, callbacks...): 'f' is not an "
                    "objective for these params: it must be callable as f(std::span<const T> x, "
                    "std::span<T> g), returning f(x) and writing the gradient into g, where T is "
                    "the params' number type (double or float); see descent/problem/objective.hpp");
      return minimize_result<T>{};
    } else if constexpr (!method_ok) {
      static_assert(method_ok,
                    "descent::minimize(f, params, method, stop, callbacks...): 'method' must be a "
                    "descent::method (m.step(f, x, loss, g) -> descent::step_report) or a "
                    "first-order optimizer (opt.step(std::span<T> params, std::span<const T> "
                    "grads))");
      return minimize_result<T>{};
    } else if constexpr (!stop_ok) {
      static_assert(stop_ok,
                    "descent::minimize(f, params, method, stop, callbacks...): 'stop' must be a "
                    "stopping rule such as descent::max_iterations{1000} || "
                    "descent::gradient_norm_below{1e-8} (see descent/train/stop.hpp)");
      return minimize_result<T>{};
    } else if constexpr (!callbacks_ok) {
      static_assert(callbacks_ok,
                    "descent::minimize(f, params, method, stop, callbacks...): each callback must "
                    "have at least one of on_begin, on_iteration, on_end, on_finish (see "
                    "descent/train/callback.hpp), or be a descent::minimize_options");
      return minimize_result<T>{};
    } else {
      auto x = detail::as_span(params);
      Sn rule = stop;  // rules may count: each run starts from the given rule
      if constexpr (descent::method<Mn, Fn, T>) {
        return detail::run_loop<T>(f, x, method_or_optimizer, rule, callbacks...);
      } else {
        first_order<Mn&> wrapped{method_or_optimizer};
        return detail::run_loop<T>(f, x, wrapped, rule, callbacks...);
      }
    }
  }
};

/// The one training loop (see the top of this header).
inline constexpr minimize_fn minimize{};

}  // namespace descent

#endif  // DESCENT_TRAIN_MINIMIZE_HPP
