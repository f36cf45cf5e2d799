// Each model's gradient, pinned at compile time: what a user prints with
// descent::to_string(descent::d(model::loss, model::param)).
#include <descent/models/linear.hpp>
#include <descent/models/logistic.hpp>
#include <descent/models/mlp.hpp>
#include <descent/models/softmax.hpp>
#include <descent/shaped.hpp>

namespace {
namespace m = descent::models;
using lin = m::linear_regression<10>;
static_assert(descent::to_string(lin::prediction) == "b + dot(w, x)");
static_assert(descent::to_string(descent::d(lin::loss, lin::w)) == "2*(b - y + dot(w, x))*x");
static_assert(descent::to_string(descent::d(lin::loss, lin::b)) == "2*(b - y + dot(w, x))");
static_assert(lin::dimension == 11);

using logit = m::logistic_regression<30>;
static_assert(descent::to_string(descent::d(logit::loss, logit::w)) == "(-y + sigmoid(b + dot(w, x)))*x");
static_assert(descent::to_string(descent::d(logit::loss, logit::b)) == "-y + sigmoid(b + dot(w, x))");

using soft = m::softmax_regression<4, 3>;
static_assert(descent::to_string(soft::logits) == "W*x + b");
static_assert(descent::to_string(descent::d(soft::loss, soft::W)) == "(exp(W*x + b - logsumexp(W*x + b)) - onehot(label))*x^T");
static_assert(descent::to_string(descent::d(soft::loss, soft::b)) == "exp(W*x + b - logsumexp(W*x + b)) - onehot(label)");
static_assert(soft::dimension == 15);

using net = m::mlp<64, 32, 10>;
static_assert(descent::to_string(descent::d(net::loss, net::W2)) ==
              "(exp(W2*tanh(W1*x + b1) + b2 - logsumexp(W2*tanh(W1*x + b1) + b2)) - onehot(label))*tanh(W1*x + b1)^T");
static_assert(net::dimension == 32 * 64 + 32 + 10 * 32 + 10);
using relu_net = m::mlp<8, 4, 3, m::act::relu>;
static_assert(descent::to_string(relu_net::hidden) == "relu(W1*x + b1)");
static_assert(descent::to_string(descent::d(relu_net::loss, relu_net::b1)) ==
              "W2^T*(-onehot(label) + exp(W2*relu(W1*x + b1) + b2 - logsumexp(W2*relu(W1*x + b1) + b2))) .* step(W1*x + b1)");
using sig2 = m::mlp2<8, 6, 4, 3, m::act::sigmoid>;
static_assert(descent::to_string(sig2::logits) == "W3*sigmoid(W2*sigmoid(W1*x + b1) + b2) + b3");
static_assert(sig2::dimension == 6 * 8 + 6 + 4 * 6 + 4 + 3 * 4 + 3);
// affine: a dot product for a weight vector, a matrix product for a weight matrix
static_assert(descent::to_string(m::affine(lin::w, lin::x, lin::b)) == "b + dot(w, x)");
static_assert(descent::to_string(m::affine(soft::W, soft::x, soft::b)) == "W*x + b");
}  // namespace
