// descent/losses/regression.hpp: regression losses of a prediction and a target, as
// expressions (per sample; wrap them in descent::mean_over_samples to average over data).
//
//   mse(p, t)            (p - t)^2                      (a vector p: the mean over entries)
//   mae(p, t)            |p - t|
//   huber(p, t[, delta]) r^2 / 2 for |r| <= delta, delta (|r| - delta / 2) beyond, r = p - t
//   log_cosh(p, t)       log(cosh(p - t)), written |r| + softplus(-2|r|) - log 2: no overflow
//
// p and t are scalar expressions (dot(w, x) + b and a data symbol y), or vectors of one
// shape (then the loss is the mean over the entries).  Each returns an expression, so its
// derivative prints: to_string(d(mse(z, y), z)) == "2*(-y + z)".
#ifndef DESCENT_LOSSES_REGRESSION_HPP
#define DESCENT_LOSSES_REGRESSION_HPP

#include <descent/expr/constant.hpp>
#include <descent/losses/detail/reduce.hpp>

namespace descent::losses {

struct mse_fn {
  template <class P, class T>
  constexpr auto operator()(const P& p, const T& t) const {
    return detail::mean_if_shaped(sq(p - t));
  }
};
struct mae_fn {
  template <class P, class T>
  constexpr auto operator()(const P& p, const T& t) const {
    return detail::mean_if_shaped(abs(p - t));
  }
};
// Huber written with relu: with a = |r| and e = relu(a - delta) (the excess over delta),
// (a - e)^2 / 2 + delta e, which is r^2 / 2 inside and delta (a - delta / 2) outside.
struct huber_fn {
  // delta: a double, or an exact constant (0.5_c) that keeps the expression printable at
  // compile time; 1 by default.
  template <class P, class T, class D = node::constant<1>>
  constexpr auto operator()(const P& p, const T& t, D delta = {}) const {
    const auto a = abs(p - t);
    const auto e = relu(a - delta);
    return detail::mean_if_shaped(0.5_c * sq(a - e) + delta * e);
  }
};
// log(cosh(r)) = |r| + log(1 + exp(-2|r|)) - log 2; softplus is evaluated stably, so large
// |r| gives |r| - log 2 and no overflow.  The derivative simplifies to tanh-like form
// sign(r) (1 - 2 sigmoid(-2|r|)) = tanh(r).
struct log_cosh_fn {
  template <class P, class T>
  constexpr auto operator()(const P& p, const T& t) const {
    const auto a = abs(p - t);
    return detail::mean_if_shaped(a + softplus(-2_c * a) - log(2_c));
  }
};

inline constexpr mse_fn mse{};
inline constexpr mae_fn mae{};
inline constexpr huber_fn huber{};
inline constexpr log_cosh_fn log_cosh{};

}  // namespace descent::losses

#endif
