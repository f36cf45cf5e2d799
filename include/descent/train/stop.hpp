// descent/train/stop.hpp: stopping rules for descent::minimize.
//
// A rule is a small value type; `a || b` stops when either fires, `a && b` when both fire
// at the same check.  The loop checks the rule before every iteration (so a rule that
// already holds at the starting point stops with 0 iterations), and the result's
// reason/message say which rule fired:
//   auto stop = descent::max_iterations{10'000} || descent::gradient_norm_below{1e-8};
// Your own rule: any type with `template <class T> stop_decision check(const
// iteration_state<T>&)` (non-const: rules may count).  The loop copies the rule, so one
// rule object can serve several runs.
#ifndef DESCENT_TRAIN_STOP_HPP
#define DESCENT_TRAIN_STOP_HPP

#include <algorithm>
#include <chrono>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>

#include <descent/train/detail/format.hpp>
#include <descent/train/result.hpp>

namespace descent {

/// A rule's answer: reason == none means "keep going".
struct stop_decision {
  stop_reason reason = stop_reason::none;
  std::string message;
  explicit operator bool() const noexcept { return reason != stop_reason::none; }
};

/// R can stop a run over T.
template <class R, class T>
concept stop_rule = requires(R& r, const iteration_state<T>& s) {
  { r.check(s) } -> std::same_as<stop_decision>;
};

/// Stop after n iterations (counted from minimize_options::start_iteration's origin).
struct max_iterations {
  std::size_t n;
  template <class T>
  stop_decision check(const iteration_state<T>& s) const {
    if (s.iteration < n) return {};
    return {stop_reason::max_iterations, "reached max_iterations (" + detail::num(n) + ")"};
  }
};

/// Stop when |grad f(x)| < eps (Euclidean norm).
struct gradient_norm_below {
  double eps;
  template <class T>
  stop_decision check(const iteration_state<T>& s) const {
    if (!(static_cast<double>(s.grad_norm) < eps)) return {};
    return {stop_reason::gradient_norm,
            "gradient norm " + detail::num(static_cast<double>(s.grad_norm)) + " below " +
                detail::num(eps) + " at iteration " + detail::num(s.iteration)};
  }
};

/// Stop when |f_k - f_{k-1}| / max(|f_{k-1}|, tiny) < tol for `patience` iterations in a
/// row (patience 1: the first time).  A noisy (mini-batch) loss wants patience > 1.
struct relative_loss_change_below {
  double tol;
  std::size_t patience = 1;
  std::size_t count = 0;  ///< iterations in a row below tol so far (rule state)

  template <class T>
  stop_decision check(const iteration_state<T>& s) {
    const double prev = static_cast<double>(s.previous_loss);
    if (std::isnan(prev)) return {};  // no previous loss yet
    const double denom = std::max(std::abs(prev), std::numeric_limits<double>::min());
    const double change = std::abs(static_cast<double>(s.loss) - prev) / denom;
    if (change < tol) {
      if (++count >= patience)
        return {stop_reason::loss_change,
                "relative loss change " + detail::num(change) + " below " +
                    detail::num(tol) + " for " + detail::num(count) +
                    " iteration(s) at iteration " + detail::num(s.iteration)};
    } else {
      count = 0;
    }
    return {};
  }
};

/// Stop when the wall time since minimize began reaches the budget.  Checked before each
/// iteration, so a run can exceed the budget by one iteration.
struct wall_time_budget {
  double seconds;
  template <class Rep, class Period>
  constexpr wall_time_budget(std::chrono::duration<Rep, Period> d)  // NOLINT: implicit ok
      : seconds(std::chrono::duration<double>(d).count()) {}

  template <class T>
  stop_decision check(const iteration_state<T>& s) const {
    if (s.seconds < seconds) return {};
    return {stop_reason::wall_time, "wall-time budget of " + detail::num(seconds) +
                                        " s used up (" + detail::num(s.seconds) +
                                        " s) at iteration " + detail::num(s.iteration)};
  }
};

/// Stop once n objective evaluations have been made.  Checked before each iteration: a
/// line-search step that needs several evaluations can pass n by that many.
struct max_evaluations {
  std::size_t n;
  template <class T>
  stop_decision check(const iteration_state<T>& s) const {
    if (s.evaluations < n) return {};
    return {stop_reason::max_evaluations,
            "reached max_evaluations (" + detail::num(n) + "): " +
                detail::num(s.evaluations) + " evaluations at iteration " +
                detail::num(s.iteration)};
  }
};

/// Either rule (the left one is asked first; its decision wins when both fire).
template <class A, class B>
struct any_of_rules {
  A a;
  B b;
  template <class T>
  stop_decision check(const iteration_state<T>& s) {
    if (auto d = a.check(s)) return d;
    return b.check(s);
  }
};

/// Both rules at the same check (both are asked every time, so counting rules stay
/// current).  The reason is the left rule's; the message names both.
template <class A, class B>
struct all_of_rules {
  A a;
  B b;
  template <class T>
  stop_decision check(const iteration_state<T>& s) {
    auto da = a.check(s);
    auto db = b.check(s);
    if (!da || !db) return {};
    return {da.reason, da.message + " and " + db.message};
  }
};

namespace detail {
template <class R>
concept any_stop_rule = stop_rule<R, double> || stop_rule<R, float>;
}  // namespace detail

template <class A, class B>
  requires detail::any_stop_rule<std::remove_cvref_t<A>> &&
           detail::any_stop_rule<std::remove_cvref_t<B>>
constexpr auto operator||(A&& a, B&& b) {
  return any_of_rules<std::remove_cvref_t<A>, std::remove_cvref_t<B>>{std::forward<A>(a),
                                                                      std::forward<B>(b)};
}

template <class A, class B>
  requires detail::any_stop_rule<std::remove_cvref_t<A>> &&
           detail::any_stop_rule<std::remove_cvref_t<B>>
constexpr auto operator&&(A&& a, B&& b) {
  return all_of_rules<std::remove_cvref_t<A>, std::remove_cvref_t<B>>{std::forward<A>(a),
                                                                      std::forward<B>(b)};
}

}  // namespace descent

#endif  // DESCENT_TRAIN_STOP_HPP
