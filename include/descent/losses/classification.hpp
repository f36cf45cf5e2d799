// descent/losses/classification.hpp: classification losses from logits (scores before the
// sigmoid or softmax), as per-sample expressions.
//
//   binary_cross_entropy(z, y)     softplus(z) - y z, y in {0, 1}: -log sigmoid(z) for y = 1
//   softmax_cross_entropy(z, label) logsumexp(z) - z[label], label a descent::var bound to
//                                  integer class labels
//   softmax_cross_entropy(z, t)    logsumexp(z) - dot(t, z), t a one-hot (or soft) target vector
//   hinge(z, y)                    relu(1 - s z), s = 2y - 1 in {-1, +1}
//   squared_hinge(z, y)            relu(1 - s z)^2
//
// Stable for any finite logit: softplus(z) = max(z, 0) + log1p(exp(-|z|)) and logsumexp
// subtracts the maximum, so |z| = 1e4 gives finite losses and gradients (no exp overflow,
// no log(0)).  Their derivatives print in closed form:
//   to_string(d(binary_cross_entropy(z, y), z)) == "-y + sigmoid(z)".
#ifndef DESCENT_LOSSES_CLASSIFICATION_HPP
#define DESCENT_LOSSES_CLASSIFICATION_HPP

#include <descent/expr/constant.hpp>
#include <descent/shaped/operators.hpp>

namespace descent::losses {

struct binary_cross_entropy_fn {
  template <class Z, class Y>
  constexpr auto operator()(const Z& z, const Y& y) const {
    return softplus(z) - y * z;
  }
};
struct softmax_cross_entropy_fn {
  // An integer class label.
  template <class Z, fixed_string Name>
  constexpr auto operator()(const Z& z, const var<Name>& label) const {
    return logsumexp(z) - at(z, label);
  }
  // A target vector (one-hot rows, descent::data::one_hot).
  template <class Z, class T>
    requires descent::detail::shaped_expression<T>
  constexpr auto operator()(const Z& z, const T& t) const {
    return logsumexp(z) - dot(t, z);
  }
};
struct hinge_fn {
  template <class Z, class Y>
  constexpr auto operator()(const Z& z, const Y& y) const {
    return relu(1_c - (2_c * y - 1_c) * z);
  }
};
struct squared_hinge_fn {
  template <class Z, class Y>
  constexpr auto operator()(const Z& z, const Y& y) const {
    return sq(relu(1_c - (2_c * y - 1_c) * z));
  }
};

inline constexpr binary_cross_entropy_fn binary_cross_entropy{};
inline constexpr softmax_cross_entropy_fn softmax_cross_entropy{};
inline constexpr hinge_fn hinge{};
inline constexpr squared_hinge_fn squared_hinge{};

}  // namespace descent::losses

#endif
