// Evaluation at compile time: expressions and their derivatives are constexpr objects, and
// eval is a constant expression when the math allows it (polynomials and rational functions:
// std::sin and friends are not constexpr in C++20).  Compiling this file is the test.
#include <array>

#include <descent/descent.hpp>

namespace {

using namespace descent::literals;
using descent::d;
using descent::eval;
using descent::wrt;

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;

constexpr auto rosenbrock = descent::sq(1_c - x) + 100_c * descent::sq(y - descent::sq(x));

static_assert(eval(rosenbrock, x = 1.0, y = 1.0) == 0.0);
static_assert(eval(rosenbrock, x = 1.0, y = 2.0) == 100.0);
static_assert(eval(rosenbrock, y = 2.0, x = 1.0) == 100.0);
static_assert(eval(rosenbrock, x = 0, y = 0) == 1.0);  // int bindings
static_assert(eval(d(rosenbrock, x), x = 1.0, y = 1.0) == 0.0);
static_assert(eval(d(rosenbrock, y), x = 1.0, y = 2.0) == 200.0);
static_assert(eval(d(rosenbrock, x, x), x = 1.0, y = 1.0) == 802.0);
static_assert(eval(d(rosenbrock, x, y), x = 1.0, y = 1.0) == -400.0);

constexpr auto grad_at_minimum = eval(descent::grad(rosenbrock, wrt(x, y)), x = 1.0, y = 1.0);
static_assert(grad_at_minimum == std::array<double, 2>{0.0, 0.0});
constexpr auto hessian_at_minimum = eval(descent::hessian(rosenbrock, wrt(x, y)), x = 1.0, y = 1.0);
static_assert(hessian_at_minimum[0][0] == 802.0 && hessian_at_minimum[0][1] == -400.0);
static_assert(hessian_at_minimum[1][0] == -400.0 && hessian_at_minimum[1][1] == 200.0);

constexpr auto vg = descent::value_and_grad(rosenbrock, wrt(x, y), x = 0.0, y = 1.0);
static_assert(vg.value == 101.0 && vg.gradient[0] == -2.0 && vg.gradient[1] == 200.0);

// rational functions and exact constants
static_assert(eval(x / (1_c + descent::sq(y)), x = 3.0, y = 1.0) == 1.5);
static_assert(eval(1_c / 4_c * descent::pow(x, 3_c), x = 2.0) == 2.0);
static_assert(eval(descent::pow(x, -2_c), x = 2.0) == 0.25);
static_assert(eval(d(1_c / x, x), x = 2.0) == -0.25);
static_assert(eval(1_c / 2_c + 1_c / 4_c) == 0.75);

// runtime constants inside constexpr expressions
constexpr auto scaled = 2.5 * x + 0.5;
static_assert(eval(scaled, x = 2.0) == 5.5);
static_assert(eval(d(scaled, x), x = 2.0) == 2.5);
static_assert(eval(2.0 * x + 3.0 * x, x = 1.0) == 5.0);

// float at compile time
static_assert(eval(rosenbrock, x = 1.0f, y = 2.0f) == 100.0f);

// non-smooth functions are constexpr too
static_assert(eval(descent::abs(x) + descent::relu(y), x = -2.0, y = -1.0) == 2.0);
static_assert(eval(descent::max(x, y) - descent::min(x, y), x = -2.0, y = 3.0) == 5.0);
static_assert(eval(d(descent::max(x, y), x), x = 1.0, y = 1.0) == 0.5);

}  // namespace
