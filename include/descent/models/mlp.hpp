// descent/models/mlp.hpp: multilayer perceptrons with one or two hidden layers, for
// classification with a softmax cross-entropy on integer labels.
//
//   using net = descent::models::mlp<64, 32, 10, descent::models::act::tanh>;
//   net::hidden   tanh(W1 x + b1)
//   net::logits   W2 tanh(W1 x + b1) + b2
//   net::loss     logsumexp(logits) - logits[label]
//   params: wrt(W1, b1, W2, b2), matrices row-major
//   descent::to_string(descent::d(net::loss, net::W2))
//     == "(exp(W2*tanh(W1*x + b1) + b2 - logsumexp(W2*tanh(W1*x + b1) + b2)) - onehot(label))*tanh(W1*x + b1)^T"
//   mlp2<In, H1, H2, Out, Act>: two hidden layers, W3 and b3 for the output.
//
// Activations: act::tanh, act::relu, act::sigmoid (or any callable taking and returning a
// vector expression).  initial_parameters(seed): weights drawn by Xavier (tanh, sigmoid) or
// He (relu) uniform initialisation (descent/models/init.hpp) from one seeded stream, layer by
// layer; biases zero.
#ifndef DESCENT_MODELS_MLP_HPP
#define DESCENT_MODELS_MLP_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

#include <descent/data/random.hpp>
#include <descent/losses/classification.hpp>
#include <descent/models/init.hpp>
#include <descent/models/linear.hpp>

namespace descent::models {

namespace act {
struct tanh {
  template <class A> constexpr auto operator()(const A& a) const { return descent::tanh(a); }
};
struct relu {
  template <class A> constexpr auto operator()(const A& a) const { return descent::relu(a); }
};
struct sigmoid {
  template <class A> constexpr auto operator()(const A& a) const { return descent::sigmoid(a); }
};
}  // namespace act

namespace detail {
// Fills a layer's weights (fans {in, out}, he for relu, xavier otherwise), skips its biases.
template <class Act>
void init_layer(std::span<double> p, std::size_t& off, std::size_t in, std::size_t out, data::splitmix64& g) {
  const std::span<double> w = p.subspan(off, in * out);
  if constexpr (std::is_same_v<Act, act::relu>) he_uniform(w, fans{.in = in, .out = out}, g);
  else xavier_uniform(w, fans{.in = in, .out = out}, g);
  off += in * out + out;  // the biases stay zero
}
}  // namespace detail

template <std::size_t In, std::size_t Hidden, std::size_t Out, class Act = act::tanh>
struct mlp {
  static_assert(Out >= 2, "descent::models::mlp<In, Hidden, Out>: Out is a number of classes, at least 2");
  static constexpr std::size_t inputs = In, hidden_units = Hidden, classes = Out;
  static constexpr mat<"W1", Hidden, In> W1{};
  static constexpr vec<"b1", Hidden> b1{};
  static constexpr mat<"W2", Out, Hidden> W2{};
  static constexpr vec<"b2", Out> b2{};
  static constexpr vec<"x", In> x{};
  static constexpr var<"label"> label{};
  static constexpr auto params = wrt(W1, b1, W2, b2);
  static constexpr std::size_t dimension = Hidden * In + Hidden + Out * Hidden + Out;
  static constexpr auto hidden = Act{}(affine(W1, x, b1));
  static constexpr auto logits = affine(W2, hidden, b2);
  static constexpr auto loss = losses::softmax_cross_entropy(logits, label);

  static std::vector<double> initial_parameters(std::uint64_t seed) {
    std::vector<double> p(dimension, 0.0);
    data::splitmix64 g(seed);
    std::size_t off = 0;
    detail::init_layer<Act>(p, off, In, Hidden, g);
    detail::init_layer<Act>(p, off, Hidden, Out, g);
    return p;
  }
};

template <std::size_t In, std::size_t H1, std::size_t H2, std::size_t Out, class Act = act::tanh>
struct mlp2 {
  static_assert(Out >= 2, "descent::models::mlp2<In, H1, H2, Out>: Out is a number of classes, at least 2");
  static constexpr std::size_t inputs = In, classes = Out;
  static constexpr mat<"W1", H1, In> W1{};
  static constexpr vec<"b1", H1> b1{};
  static constexpr mat<"W2", H2, H1> W2{};
  static constexpr vec<"b2", H2> b2{};
  static constexpr mat<"W3", Out, H2> W3{};
  static constexpr vec<"b3", Out> b3{};
  static constexpr vec<"x", In> x{};
  static constexpr var<"label"> label{};
  static constexpr auto params = wrt(W1, b1, W2, b2, W3, b3);
  static constexpr std::size_t dimension = H1 * In + H1 + H2 * H1 + H2 + Out * H2 + Out;
  static constexpr auto hidden1 = Act{}(affine(W1, x, b1));
  static constexpr auto hidden2 = Act{}(affine(W2, hidden1, b2));
  static constexpr auto logits = affine(W3, hidden2, b3);
  static constexpr auto loss = losses::softmax_cross_entropy(logits, label);

  static std::vector<double> initial_parameters(std::uint64_t seed) {
    std::vector<double> p(dimension, 0.0);
    data::splitmix64 g(seed);
    std::size_t off = 0;
    detail::init_layer<Act>(p, off, In, H1, g);
    detail::init_layer<Act>(p, off, H1, H2, g);
    detail::init_layer<Act>(p, off, H2, Out, g);
    return p;
  }
};

}  // namespace descent::models

#endif
