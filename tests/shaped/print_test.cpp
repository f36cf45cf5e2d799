// Derivatives of vector and matrix expressions in matrix form, pinned at compile time; and
// types that do not grow with the sizes: the same model 8 or 8000 wide has one gradient text
// and one tree size.
#include <descent/shaped.hpp>
#include <descent/shaped/print.hpp>
#include <descent/shaped/jvp.hpp>

using namespace descent::literals;

namespace {
constexpr descent::vec<"w", 30> w;
constexpr descent::var<"b"> b;
constexpr descent::vec<"x", 30> x;
constexpr descent::var<"y"> y;
constexpr descent::mat<"W", 4, 30> W;
constexpr descent::vec<"t", 4> t;
constexpr descent::var<"label"> label;
constexpr descent::vec<"z", 6> z;

constexpr auto loss = softplus(-(2_c * y - 1_c) * (dot(w, x) + b));
static_assert(descent::to_string(loss) == "softplus(-(b + dot(w, x))*(-1 + 2*y))");
static_assert(descent::to_string(descent::d(loss, w)) == "-sigmoid(-(b + dot(w, x))*(-1 + 2*y))*(-1 + 2*y)*x");
static_assert(descent::to_string(descent::d(loss, b)) == "-sigmoid(-(b + dot(w, x))*(-1 + 2*y))*(-1 + 2*y)");
static_assert(descent::to_latex(descent::d(loss, w)) ==
              "-\\sigma\\left(-\\left(b + \\langle \\mathbf{w}, \\mathbf{x} \\rangle\\right) \\left(-1 + 2 y\\right)\\right) "
              "\\left(-1 + 2 y\\right) \\mathbf{x}");

// least squares: the gradient of |W x - t|^2 in W is 2 (W x - t) x^T
static_assert(descent::to_string(descent::d(sq_norm(W * x - t), W)) == "2*(W*x - t)*x^T");
static_assert(descent::to_string(descent::d(sq_norm(W * x - t), x)) == "2*W^T*(W*x - t)");
static_assert(descent::to_latex(descent::d(sq_norm(W * x - t), W)) ==
              "2 \\left(W \\mathbf{x} - \\mathbf{t}\\right) \\mathbf{x}^\\top");

// an MLP with softmax cross-entropy: reverse accumulation gives backpropagation's formulas
template <std::size_t In, std::size_t Hidden>
struct mlp {
  static constexpr descent::vec<"x", In> x{};
  static constexpr descent::mat<"W1", Hidden, In> W1{};
  static constexpr descent::vec<"b1", Hidden> b1{};
  static constexpr descent::mat<"W2", 10, Hidden> W2{};
  static constexpr descent::vec<"b2", 10> b2{};
  static constexpr auto logits = W2 * tanh(W1 * x + b1) + b2;
  static constexpr auto ce = logsumexp(logits) - logits[label];
};
using small = mlp<64, 8>;
using wide = mlp<64, 8000>;
static_assert(descent::to_string(descent::d(small::ce, small::W2)) ==
              "(exp(W2*tanh(W1*x + b1) + b2 - logsumexp(W2*tanh(W1*x + b1) + b2)) - onehot(label))*tanh(W1*x + b1)^T");
static_assert(descent::to_string(descent::d(small::ce, small::W1)) ==
              "(W2^T*(exp(W2*tanh(W1*x + b1) + b2 - logsumexp(W2*tanh(W1*x + b1) + b2)) - onehot(label)) .* "
              "(1 - tanh(W1*x + b1).^2))*x^T");
static_assert(descent::to_string(descent::d(small::ce, small::b1)) ==
              "W2^T*(exp(W2*tanh(W1*x + b1) + b2 - logsumexp(W2*tanh(W1*x + b1) + b2)) - onehot(label)) .* "
              "(1 - tanh(W1*x + b1).^2)");
// 8 or 8000 hidden units: the same gradient, node for node
static_assert(descent::to_string(descent::d(small::ce, small::W1)) == descent::to_string(descent::d(wide::ce, wide::W1)));
static_assert(descent::detail::tree_size<descent::detail::tree_t<decltype(descent::d(small::ce, small::W1))>>::value ==
              descent::detail::tree_size<descent::detail::tree_t<decltype(descent::d(wide::ce, wide::W1))>>::value);
static_assert(descent::detail::multi_dag_t<descent::detail::tree_t<decltype(descent::d(small::ce, small::W1))>>::size ==
              descent::detail::multi_dag_t<descent::detail::tree_t<decltype(descent::d(wide::ce, wide::W1))>>::size);

// the n-D Rosenbrock in one line, and its gradient with the segments put back in place
constexpr auto rosenbrock = sum(100_c * sq(tail<5>(z) - sq(head<5>(z))) + sq(1_c - head<5>(z)));
static_assert(descent::to_string(rosenbrock) == "sum(100*(z[1:6] - z[0:5].^2).^2 + (1 - z[0:5]).^2)");
static_assert(descent::to_string(descent::d(rosenbrock, z)) ==
              "embed<1, 6>(200*(z[1:6] - z[0:5].^2)) - embed<0, 6>(400*((z[1:6] - z[0:5].^2) .* z[0:5]) + 2*(1 - z[0:5]))");
static_assert(descent::to_latex(rosenbrock) ==
              "\\operatorname{sum}\\left(100 \\left(\\mathbf{z}_{1:6} - \\mathbf{z}_{0:5}^{\\circ 2}\\right)^{\\circ 2} + "
              "\\left(1 - \\mathbf{z}_{0:5}\\right)^{\\circ 2}\\right)");

// the other operations as printed
static_assert(descent::to_string(softmax(t)) == "exp(t - logsumexp(t))");
static_assert(descent::to_string(log_softmax(t)) == "t - logsumexp(t)");
static_assert(descent::to_string(norm(t) + l1_norm(t) + mean(t)) == "sqrt(dot(t, t)) + sum(abs(t)) + sum(t)/4");
static_assert(descent::to_string(transpose(W) * t) == "W^T*t");
static_assert(descent::to_string(outer(t, x)) == "t*x^T");
static_assert(descent::to_string(hadamard(t, exp(t)) / (1_c + sq(t))) == "(t .* exp(t)) ./ (1 + t.^2)");
static_assert(descent::to_string(descent::d(sum(t), t)) == "fill(1)");
static_assert(descent::to_string(descent::mean_over_samples(sq(dot(w, x) - y))) == "mean_over_samples((-y + dot(w, x))^2)");
// dot is symmetric: dot(w, x) and dot(x, w) are one node
static_assert(std::is_same_v<decltype(dot(w, x)), decltype(dot(x, w))>);
// the Hessian along v, in matrix form (forward over reverse)
static_assert(descent::to_string(descent::detail::hvp_t<descent::detail::tree_t<decltype(loss)>,
                                                        descent::wrt_t<descent::vec<"w", 30>>, descent::vec<"w", 30>>{}) ==
              "dot(dir(w), x)*sigmoid(-(b + dot(w, x))*(-1 + 2*y))*(-1 + 2*y)^2*(1 - sigmoid(-(b + dot(w, x))*(-1 + 2*y)))*x");
}  // namespace
