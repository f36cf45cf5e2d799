// descent/models/logistic.hpp: logistic regression (two classes, labels 0 and 1).
//
//   using model = descent::models::logistic_regression<30>;
//   model::logit   dot(w, x) + b                      P(y = 1 | x) = sigmoid(logit)
//   model::loss    softplus(logit) - y logit           binary cross-entropy from the logit
//   descent::to_string(descent::d(model::loss, model::w)) == "(-y + sigmoid(b + dot(w, x)))*x"
#ifndef DESCENT_MODELS_LOGISTIC_HPP
#define DESCENT_MODELS_LOGISTIC_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#include <descent/losses/classification.hpp>
#include <descent/models/linear.hpp>

namespace descent::models {

template <std::size_t Features>
struct logistic_regression {
  static constexpr std::size_t features = Features;
  static constexpr vec<"w", Features> w{};
  static constexpr var<"b"> b{};
  static constexpr vec<"x", Features> x{};
  static constexpr var<"y"> y{};  // 0 or 1
  static constexpr auto params = wrt(w, b);
  static constexpr std::size_t dimension = Features + 1;
  static constexpr auto logit = affine(w, x, b);
  static constexpr auto loss = losses::binary_cross_entropy(logit, y);

  static std::vector<double> initial_parameters(std::uint64_t = 0) { return std::vector<double>(dimension, 0.0); }
};

}  // namespace descent::models

#endif
