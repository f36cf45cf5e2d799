// The derivative of every primitive, simplified, pinned as text at compile time; the zero
// derivative is exactly the zero constant type; Rosenbrock's gradient and Hessian.
// Compiling this file is the test.
#include <type_traits>

#include <descent/diff/d.hpp>
#include <descent/diff/derivative.hpp>
#include <descent/diff/grad.hpp>
#include <descent/diff/wrt.hpp>
#include <descent/diff/wrt_index.hpp>

#include <descent/expr.hpp>
#include <descent/print/to_string.hpp>

namespace {

using namespace descent::literals;
using descent::d;
using descent::to_string;
using std::is_same_v;

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;
constexpr descent::var<"z"> z;

template <class A, class B>
constexpr bool same(const A&, const B&) { return is_same_v<A, B>; }

// ---- d(x, x) and the zero derivative --------------------------------------------------
static_assert(same(d(x, x), 1_c));
static_assert(is_same_v<decltype(d(x, x)), descent::constant<1>>);
static_assert(is_same_v<decltype(d(y, x)), descent::constant<0>>);
static_assert(is_same_v<decltype(d(3_c, x)), descent::constant<0>>);
// ... with respect to a variable that does not occur in f, for any f
static_assert(is_same_v<decltype(d(descent::sin(x) * descent::exp(y), z)), descent::constant<0>>);
static_assert(is_same_v<decltype(d(descent::sq(1_c - x) + 100_c * descent::sq(y - descent::sq(x)), z)),
                        descent::constant<0>>);
// ... also when f holds runtime numbers: the result carries none of them
static_assert(is_same_v<decltype(d(2.5 * x + descent::pow(y, 1.5), z)), descent::constant<0>>);
static_assert(std::is_empty_v<decltype(d(2.5 * x, z))>);
// ... and of a derivative that vanished: d(d(x^2, x), x, x) = d(2, x) = 0
static_assert(is_same_v<decltype(d(descent::sq(x), x, x, x)), descent::constant<0>>);
static_assert(is_same_v<decltype(d(x * y, x, x)), descent::constant<0>>);
static_assert(is_same_v<decltype(d(descent::sign(x), x)), descent::constant<0>>);
static_assert(is_same_v<decltype(d(descent::step(x), x)), descent::constant<0>>);
// higher orders of d by nesting and by a list of variables
static_assert(same(d(x * y, x, y), 1_c));
static_assert(same(d(d(x * y, x), y), d(x * y, x, y)));
static_assert(same(d(descent::pow(x, 4_c), x, x, x, x), 24_c));
// a derivative is an expression like any other
static_assert(descent::expression<decltype(d(descent::sin(x), x))>);

// ---- every primitive -----------------------------------------------------------------
// (Terms are sorted constants first, then runtime numbers, variables by name, then other
// nodes by structural hash: a change of the hash function reorders the composite terms
// pinned below, never their values.)
static_assert(to_string(d(x, x)) == "1");
static_assert(to_string(d(-x, x)) == "-1");
static_assert(to_string(d(x + y, x)) == "1");
static_assert(to_string(d(x - y, y)) == "-1");
static_assert(to_string(d(x * y, x)) == "y");
static_assert(to_string(d(x / y, x)) == "1/y");
static_assert(to_string(d(x / y, y)) == "-x/y^2");
static_assert(to_string(d(3_c / 4_c * x, x)) == "3/4");
static_assert(to_string(d(descent::sq(x), x)) == "2*x");
static_assert(to_string(d(descent::pow(x, 3_c), x)) == "3*x^2");
static_assert(to_string(d(descent::pow(x, -2_c), x)) == "-2/x^3");
static_assert(to_string(d(1_c / x, x)) == "-1/x^2");
static_assert(to_string(d(descent::pow(x, 1_c / 3_c), x)) == "1/(3*x^(2/3))");
static_assert(to_string(d(descent::pow(x, 3_c / 2_c), x)) == "3*sqrt(x)/2");
static_assert(to_string(d(descent::sqrt(x), x)) == "1/(2*sqrt(x))");
static_assert(to_string(d(descent::pow(x, y), x)) == "x^(-1 + y)*y");
static_assert(to_string(d(descent::pow(x, y), y)) == "x^y*log(x)");
static_assert(to_string(d(descent::pow(2_c, x), x)) == "2^x*log(2)");
static_assert(to_string(d(descent::exp(x), x)) == "exp(x)");
static_assert(to_string(d(descent::log(x), x)) == "1/x");
static_assert(to_string(d(descent::log1p(x), x)) == "1/(1 + x)");
static_assert(to_string(d(descent::expm1(x), x)) == "exp(x)");
static_assert(to_string(d(descent::sin(x), x)) == "cos(x)");
static_assert(to_string(d(descent::cos(x), x)) == "-sin(x)");
static_assert(to_string(d(descent::tan(x), x)) == "1 + tan(x)^2");
static_assert(to_string(d(descent::tanh(x), x)) == "1 - tanh(x)^2");
static_assert(to_string(d(descent::sigmoid(x), x)) == "sigmoid(x)*(1 - sigmoid(x))");
static_assert(to_string(d(descent::softplus(x), x)) == "sigmoid(x)");
static_assert(to_string(d(descent::abs(x), x)) == "sign(x)");
static_assert(to_string(d(descent::relu(x), x)) == "step(x)");
static_assert(to_string(d(descent::sign(x), x)) == "0");
static_assert(to_string(d(descent::step(x), x)) == "0");
static_assert(to_string(d(descent::max(x, y), x)) == "(1 + sign(x - y))/2");
static_assert(to_string(d(descent::max(x, y), y)) == "(1 - sign(x - y))/2");
static_assert(to_string(d(descent::min(x, y), x)) == "(1 - sign(x - y))/2");
static_assert(to_string(d(descent::min(x, y), y)) == "(1 + sign(x - y))/2");
static_assert(to_string(d(descent::logsumexp(x, y), x)) == "exp(x - logsumexp(x, y))");
static_assert(to_string(d(descent::logsumexp(x, y, z), z)) == "exp(z - logsumexp(x, y, z))");
// second derivatives
static_assert(to_string(d(descent::sin(x), x, x)) == "-sin(x)");
static_assert(to_string(d(descent::exp(descent::sq(x)), x, x)) == "4*x^2*exp(x^2) + 2*exp(x^2)");
static_assert(to_string(d(descent::log(x), x, x)) == "-1/x^2");
static_assert(to_string(d(descent::tanh(x), x, x)) == "-2*tanh(x)*(1 - tanh(x)^2)");
// the chain and product rules
static_assert(to_string(d(descent::sin(descent::sq(x)), x)) == "2*x*cos(x^2)");
static_assert(to_string(d(x * descent::sin(x), x)) == "x*cos(x) + sin(x)");
static_assert(to_string(d(descent::exp(x * y), y)) == "x*exp(x*y)");

// ---- Rosenbrock ------------------------------------------------------------------------
constexpr auto rosenbrock = descent::sq(1_c - x) + 100_c * descent::sq(y - descent::sq(x));
static_assert(to_string(rosenbrock) == "100*(-x^2 + y)^2 + (1 - x)^2");
static_assert(to_string(d(rosenbrock, x)) == "-2 - 400*x*(-x^2 + y) + 2*x");
static_assert(to_string(d(rosenbrock, y)) == "200*(-x^2 + y)");
static_assert(to_string(descent::grad(rosenbrock, descent::wrt(x, y))) ==
              "[-2 - 400*x*(-x^2 + y) + 2*x, 200*(-x^2 + y)]");
static_assert(to_string(descent::hessian(rosenbrock, descent::wrt(x, y))) ==
              "[[2 + 1200*x^2 - 400*y, -400*x], [-400*x, 200]]");
static_assert(to_string(descent::hessian(rosenbrock, descent::wrt(y, x))) ==
              "[[200, -400*x], [-400*x, 2 + 1200*x^2 - 400*y]]");
static_assert(descent::to_latex(descent::hessian(rosenbrock, descent::wrt(x, y))) ==
              "\\begin{pmatrix}2 + 1200 x^{2} - 400 y & -400 x \\\\ -400 x & 200\\end{pmatrix}");
// the Hessian is symmetric by type: both off-diagonal entries are the same expression
static_assert(same(d(rosenbrock, x, y), d(rosenbrock, y, x)));
static_assert(same(descent::get<0, 1>(descent::hessian(rosenbrock, descent::wrt(x, y))), d(rosenbrock, x, y)));
static_assert(same(descent::get<1>(descent::grad(rosenbrock, descent::wrt(x, y))), d(rosenbrock, y)));

// wrt_index.hpp: positions of variables in wrt(...), size() when not listed.
using w_xy = decltype(descent::wrt(x, y));
static_assert(descent::detail::wrt_index<w_xy>::of<descent::var<"y">> == 1);
static_assert(descent::detail::wrt_index<w_xy>::of<descent::var<"z">> == 2);
static_assert(descent::detail::in_wrt_v<w_xy, descent::var<"x">> &&
              !descent::detail::in_wrt_v<w_xy, descent::var<"z">>);
static_assert(w_xy::size() == 2 && w_xy::names[1] == "y");

}  // namespace
