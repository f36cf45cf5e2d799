// descent/models/linear.hpp: linear regression as an expression.
//
//   using model = descent::models::linear_regression<10>;   // 10 features
//   model::prediction    dot(w, x) + b            (per sample)
//   model::loss          (dot(w, x) + b - y)^2    (per sample: wrap in mean_over_samples)
//   model::params        wrt(w, b): the parameter vector is w then b (11 numbers)
//   descent::to_string(descent::d(model::loss, model::w)) == "2*(b - y + dot(w, x))*x"
//
// affine(w, x, b) is the building block, for models of your own.
#ifndef DESCENT_MODELS_LINEAR_HPP
#define DESCENT_MODELS_LINEAR_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#include <descent/diff/wrt.hpp>
#include <descent/losses/regression.hpp>
#include <descent/shaped/operators.hpp>
#include <descent/shaped/symbol.hpp>

namespace descent::models {

// w.x + b for a weight vector (a scalar output), W x + b for a weight matrix (a vector).
struct affine_fn {
  template <class W, class X, class B>
  constexpr auto operator()(const W& w, const X& x, const B& b) const {
    if constexpr (descent::detail::shape_v<descent::detail::tree_of<W>>.cols == 1 &&
                  descent::detail::shape_v<descent::detail::tree_of<X>>.cols == 1 &&
                  descent::detail::shape_v<descent::detail::tree_of<W>>.rows ==
                      descent::detail::shape_v<descent::detail::tree_of<X>>.rows)
      return dot(w, x) + b;
    else
      return w * x + b;
  }
};
inline constexpr affine_fn affine{};

template <std::size_t Features>
struct linear_regression {
  static constexpr std::size_t features = Features;
  static constexpr vec<"w", Features> w{};
  static constexpr var<"b"> b{};
  static constexpr vec<"x", Features> x{};  // a sample's features (bind a data matrix)
  static constexpr var<"y"> y{};            // its target
  static constexpr auto params = wrt(w, b);
  static constexpr std::size_t dimension = Features + 1;
  static constexpr auto prediction = affine(w, x, b);
  static constexpr auto loss = losses::mse(prediction, y);

  // Zeros: least squares is convex, any start reaches the minimum.
  static std::vector<double> initial_parameters(std::uint64_t = 0) { return std::vector<double>(dimension, 0.0); }
};

}  // namespace descent::models

#endif
