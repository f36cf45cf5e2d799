// to_string and to_latex pinned at compile time (expressions without runtime numbers print
// to a static_string): parentheses exactly where precedence needs them (sums inside
// products and powers, negative terms, quotients, powers of powers and of negative or
// fractional constants, nested functions), rational coefficients, sqrt, gradients and
// Hessians.  Compiling this file is the test.
#include <descent/print/printer.hpp>
#include <descent/print/static_string.hpp>
#include <descent/print/to_string.hpp>

#include <descent/diff/d.hpp>
#include <descent/diff/grad.hpp>
#include <descent/expr.hpp>

namespace {

using namespace descent::literals;
using descent::d;
using descent::to_latex;
using descent::to_string;
using descent::wrt;

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;
constexpr descent::var<"alpha"> alpha;

// Both forms at once.
template <class E, std::size_t N, std::size_t M>
constexpr bool prints(const E& e, const char (&text)[N], const char (&latex)[M]) {
  return to_string(e) == text && to_latex(e) == latex;
}

// sums inside products and powers, and not elsewhere
static_assert(prints(x * (y + 1_c), "x*(1 + y)", "x \\left(1 + y\\right)"));
static_assert(prints(2_c * descent::sq(x + y), "2*(x + y)^2", "2 \\left(x + y\\right)^{2}"));
static_assert(prints(descent::pow(x + y, 3_c), "(x + y)^3", "\\left(x + y\\right)^{3}"));
static_assert(prints(descent::pow(x, y + 1_c), "x^(1 + y)", "x^{1 + y}"));
static_assert(prints(descent::sqrt(x + y), "sqrt(x + y)", "\\sqrt{x + y}"));
static_assert(prints(descent::exp(x + y), "exp(x + y)", "\\exp\\left(x + y\\right)"));
static_assert(prints(x + y * descent::sin(x), "x + y*sin(x)", "x + y \\sin\\left(x\\right)"));
// negative terms are subtracted; a negated sum keeps its parentheses
static_assert(prints(x - 2_c * y, "x - 2*y", "x - 2 y"));
static_assert(prints(-x - y, "-x - y", "-x - y"));
static_assert(prints(1_c - 2_c * x * y, "1 - 2*x*y", "1 - 2 x y"));
static_assert(prints(-(x + y), "-(x + y)", "-\\left(x + y\\right)"));
static_assert(prints(-(x * y), "-x*y", "-x y"));
static_assert(prints(-descent::sq(x), "-x^2", "-x^{2}"));
static_assert(prints(x - descent::sin(x) * descent::cos(y), "x - sin(x)*cos(y)",
                     "x - \\sin\\left(x\\right) \\cos\\left(y\\right)"));
// quotients
static_assert(prints(x / (2_c * descent::sq(y)), "x/(2*y^2)", "\\frac{x}{2 y^{2}}"));
static_assert(prints(1_c / (x * y), "1/(x*y)", "\\frac{1}{x y}"));
static_assert(prints(2_c / (3_c * x), "2/(3*x)", "\\frac{2}{3 x}"));
static_assert(prints(x * y / descent::sq(x + y), "x*y/(x + y)^2", "\\frac{x y}{\\left(x + y\\right)^{2}}"));
static_assert(prints(x - y / 2_c, "x - y/2", "x - \\frac{y}{2}"));
static_assert(prints(x / 3_c - y, "x/3 - y", "\\frac{x}{3} - y"));
static_assert(to_string(x / (y + 1_c)) == "x/(1 + y)");
static_assert(to_string((x + 1_c) / (y + 1_c)) == "(1 + x)/(1 + y)");
static_assert(to_string(-2_c / (x + y)) == "-2/(x + y)");
// rational coefficients and exponents
static_assert(prints(3_c / 4_c * x, "3*x/4", "\\frac{3 x}{4}"));
static_assert(prints(-3_c / 4_c * x, "-3*x/4", "-\\frac{3 x}{4}"));
static_assert(prints(-1_c / 2_c * descent::sq(x), "-x^2/2", "-\\frac{x^{2}}{2}"));
static_assert(prints(1_c / 2_c + 1_c / 3_c, "5/6", "\\frac{5}{6}"));
static_assert(prints(-5_c / 6_c, "-5/6", "-\\frac{5}{6}"));
static_assert(prints(descent::pow(x, 1_c / 3_c), "x^(1/3)", "x^{\\frac{1}{3}}"));
static_assert(prints(descent::pow(x, -1_c / 3_c), "1/x^(1/3)", "\\frac{1}{x^{\\frac{1}{3}}}"));
static_assert(prints(descent::pow(x, 3_c / 2_c), "x^(3/2)", "x^{\\frac{3}{2}}"));
static_assert(prints(descent::pow(2_c * x + y, 1_c / 3_c), "(2*x + y)^(1/3)",
                     "\\left(2 x + y\\right)^{\\frac{1}{3}}"));
static_assert(prints(descent::pow(1_c / 2_c, x), "(1/2)^x", "\\left(\\frac{1}{2}\\right)^{x}"));
static_assert(prints(descent::pow(-2_c, x), "(-2)^x", "\\left(-2\\right)^{x}"));
// sqrt
static_assert(prints(1_c / descent::sqrt(x), "1/sqrt(x)", "\\frac{1}{\\sqrt{x}}"));
static_assert(prints(descent::sqrt(x) * y, "sqrt(x)*y", "\\sqrt{x} y"));
static_assert(prints(d(descent::sqrt(x), x), "1/(2*sqrt(x))", "\\frac{1}{2 \\sqrt{x}}"));
// powers of powers and of functions
static_assert(prints(descent::pow(descent::sq(x), y), "(x^2)^y", "\\left(x^{2}\\right)^{y}"));
static_assert(prints(descent::sq(descent::sin(x)), "sin(x)^2", "\\sin\\left(x\\right)^{2}"));
static_assert(prints(descent::pow(descent::exp(x), y), "exp(x)^y", "\\exp\\left(x\\right)^{y}"));
// nested functions and several arguments
static_assert(prints(descent::sin(descent::cos(descent::exp(x))), "sin(cos(exp(x)))",
                     "\\sin\\left(\\cos\\left(\\exp\\left(x\\right)\\right)\\right)"));
static_assert(prints(descent::max(x, 0_c), "max(0, x)", "\\max\\left(0, x\\right)"));
static_assert(prints(descent::logsumexp(x, y, 0_c), "logsumexp(0, x, y)",
                     "\\operatorname{logsumexp}\\left(0, x, y\\right)"));
static_assert(prints(descent::sigmoid(x), "sigmoid(x)", "\\sigma\\left(x\\right)"));
static_assert(prints(descent::relu(x), "relu(x)", "\\operatorname{relu}\\left(x\\right)"));
static_assert(prints(descent::step(x), "step(x)", "H\\left(x\\right)"));
static_assert(prints(descent::log1p(x), "log1p(x)", "\\operatorname{log1p}\\left(x\\right)"));
static_assert(prints(d(descent::sigmoid(x), x), "sigmoid(x)*(1 - sigmoid(x))",
                     "\\sigma\\left(x\\right) \\left(1 - \\sigma\\left(x\\right)\\right)"));
// long variable names are upright in LaTeX
static_assert(prints(alpha * x, "alpha*x", "\\mathrm{alpha} x"));
static_assert(prints(descent::sq(alpha), "alpha^2", "\\mathrm{alpha}^{2}"));
// constants alone
static_assert(prints(0_c, "0", "0"));
static_assert(prints(x - x, "0", "0"));
static_assert(prints(-7_c, "-7", "-7"));
// gradient vectors and Hessian matrices
static_assert(prints(descent::grad(descent::sq(x) * y, wrt(x, y)), "[2*x*y, x^2]",
                     "\\begin{pmatrix}2 x y \\\\ x^{2}\\end{pmatrix}"));
static_assert(prints(descent::hessian(descent::sq(x) * y, wrt(x, y)), "[[2*y, 2*x], [2*x, 0]]",
                     "\\begin{pmatrix}2 y & 2 x \\\\ 2 x & 0\\end{pmatrix}"));
static_assert(prints(descent::grad(x, wrt(x)), "[1]", "\\begin{pmatrix}1\\end{pmatrix}"));
static_assert(prints(descent::hessian(x * y * alpha, wrt(x, y, alpha)),
                     "[[0, alpha, y], [alpha, 0, x], [y, x, 0]]",
                     "\\begin{pmatrix}0 & \\mathrm{alpha} & y \\\\ \\mathrm{alpha} & 0 & x \\\\ y & x & "
                     "0\\end{pmatrix}"));
// the result is a compile-time string (usable as a constant, converts to std::string_view)
constexpr auto s = to_string(d(descent::sq(x), x));
static_assert(s.size() == 3 && s.view() == "2*x");

}  // namespace
