// The derivative of every loss in closed form, pinned at compile time (to_string of d(loss, z)).
#include <descent/losses.hpp>
#include <descent/shaped.hpp>

namespace {
using namespace descent::losses;
constexpr descent::var<"z"> z;
constexpr descent::var<"y"> y;
constexpr descent::var<"label"> label;
constexpr descent::vec<"v", 3> v;
constexpr descent::vec<"t", 3> t;
constexpr descent::vec<"w", 5> w;

// regression
static_assert(descent::to_string(mse(z, y)) == "(-y + z)^2");
static_assert(descent::to_string(descent::d(mse(z, y), z)) == "2*(-y + z)");
static_assert(descent::to_string(descent::d(mse(v, t), v)) == "2/3*(v - t)");
static_assert(descent::to_string(descent::d(mae(z, y), z)) == "sign(-y + z)");
static_assert(descent::to_string(huber(z, y)) == "relu(-1 + abs(-y + z)) + (-relu(-1 + abs(-y + z)) + abs(-y + z))^2/2");
static_assert(descent::to_string(descent::d(huber(z, y), z)) ==
              "sign(-y + z)*step(-1 + abs(-y + z)) + (-relu(-1 + abs(-y + z)) + abs(-y + z))*"
              "(sign(-y + z) - sign(-y + z)*step(-1 + abs(-y + z)))");
static_assert(descent::to_string(log_cosh(z, y)) == "-log(2) + softplus(-2*abs(-y + z)) + abs(-y + z)");
using namespace descent::literals;
static_assert(descent::to_string(huber(z, y, 0.5_c)) ==
              "relu(-1/2 + abs(-y + z))/2 + (-relu(-1/2 + abs(-y + z)) + abs(-y + z))^2/2");
static_assert(descent::to_string(descent::d(log_cosh(z, y), z)) == "-2*sigmoid(-2*abs(-y + z))*sign(-y + z) + sign(-y + z)");

// classification from logits
static_assert(descent::to_string(binary_cross_entropy(z, y)) == "-y*z + softplus(z)");
static_assert(descent::to_string(descent::d(binary_cross_entropy(z, y), z)) == "-y + sigmoid(z)");
static_assert(descent::to_string(softmax_cross_entropy(v, label)) == "logsumexp(v) - v[label]");
static_assert(descent::to_string(descent::d(softmax_cross_entropy(v, label), v)) == "exp(v - logsumexp(v)) - onehot(label)");
static_assert(descent::to_string(descent::d(softmax_cross_entropy(v, t), v)) == "exp(v - logsumexp(v)) - t");
static_assert(descent::to_string(hinge(z, y)) == "relu(1 - z*(-1 + 2*y))");
static_assert(descent::to_string(descent::d(hinge(z, y), z)) == "-step(1 - z*(-1 + 2*y))*(-1 + 2*y)");
static_assert(descent::to_string(descent::d(squared_hinge(z, y), z)) == "-2*step(1 - z*(-1 + 2*y))*relu(1 - z*(-1 + 2*y))*(-1 + 2*y)");

// penalties
static_assert(descent::to_string(descent::d(l1_penalty(w), w)) == "sign(w)");
static_assert(descent::to_string(descent::d(l2_penalty(w), w)) == "2*w");
static_assert(descent::to_string(descent::d(l2_penalty(z), z)) == "2*z");
}  // namespace
