// descent/models/softmax.hpp: softmax (multinomial logistic) regression.
//
//   using model = descent::models::softmax_regression<4, 3>;   // 4 features, 3 classes
//   model::logits  W x + b                       (a vector of Classes scores per sample)
//   model::loss    logsumexp(logits) - logits[label]   (softmax cross-entropy)
//   params: wrt(W, b), W row-major (Classes x Features), then b
//   descent::to_string(descent::d(model::loss, model::W))
//     == "(exp(W*x + b - logsumexp(W*x + b)) - onehot(label))*x^T"
#ifndef DESCENT_MODELS_SOFTMAX_HPP
#define DESCENT_MODELS_SOFTMAX_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#include <descent/losses/classification.hpp>
#include <descent/models/linear.hpp>

namespace descent::models {

template <std::size_t Features, std::size_t Classes>
struct softmax_regression {
  static_assert(Classes >= 2, "descent::models::softmax_regression<Features, Classes>: at least 2 classes");
  static constexpr std::size_t features = Features, classes = Classes;
  static constexpr mat<"W", Classes, Features> W{};
  static constexpr vec<"b", Classes> b{};
  static constexpr vec<"x", Features> x{};
  static constexpr var<"label"> label{};  // bind std::vector<int> class labels 0..Classes-1
  static constexpr auto params = wrt(W, b);
  static constexpr std::size_t dimension = Classes * Features + Classes;
  static constexpr auto logits = affine(W, x, b);
  static constexpr auto loss = losses::softmax_cross_entropy(logits, label);

  static std::vector<double> initial_parameters(std::uint64_t = 0) { return std::vector<double>(dimension, 0.0); }
};

}  // namespace descent::models

#endif
