// Printing at run time: expressions holding runtime numbers (positive and negative), and a
// round trip for every printed form: the text is parsed back with the usual precedence
// (+ - < * / < unary minus < ^, ^ right-associative, function calls) and evaluated; it
// must give eval(e).  Parentheses that are missing or misplaced change the value.
#include <cctype>
#include <cmath>
#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/test/unit_test.hpp>

#include <descent/descent.hpp>

namespace {

using namespace descent::literals;
using descent::d;
using descent::eval;
using descent::to_latex;
using descent::to_string;
using descent::wrt;

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;

// ---- a small parser of descent's text format ------------------------------------------
class text_parser {
 public:
  text_parser(std::string_view s, double xv, double yv) : s_(s), x_(xv), y_(yv) {}
  double parse() {
    const double v = sum();
    skip();
    if (i_ != s_.size()) fail("trailing text");
    return v;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
  double x_, y_;

  [[noreturn]] void fail(const char* what) const {
    throw std::runtime_error(std::string(what) + " at " + std::to_string(i_) + " in '" + std::string(s_) + "'");
  }
  void skip() { while (i_ < s_.size() && s_[i_] == ' ') ++i_; }
  bool eat(char c) {
    skip();
    if (i_ < s_.size() && s_[i_] == c) { ++i_; return true; }
    return false;
  }
  double sum() {
    double v = product();
    for (;;) {
      if (eat('+')) v += product();
      else if (eat('-')) v -= product();
      else return v;
    }
  }
  double product() {
    double v = unary();
    for (;;) {
      if (eat('*')) v *= unary();
      else if (eat('/')) v /= unary();
      else return v;
    }
  }
  double unary() { return eat('-') ? -unary() : power(); }
  double power() {
    const double b = atom();
    return eat('^') ? std::pow(b, unary_power()) : b;
  }
  double unary_power() { return eat('-') ? -unary_power() : power(); }  // x^-1 is not printed, but parse it
  double atom() {
    skip();
    if (eat('(')) {
      const double v = sum();
      if (!eat(')')) fail("missing )");
      return v;
    }
    if (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.')) {
      std::size_t used = 0;
      const double v = std::stod(std::string(s_.substr(i_)), &used);
      i_ += used;
      return v;
    }
    std::size_t start = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) ++i_;
    const std::string_view name = s_.substr(start, i_ - start);
    if (name.empty()) fail("expected a number, a name or (");
    if (name == "x") return x_;
    if (name == "y") return y_;
    if (!eat('(')) fail("expected ( after a function name");
    double a[3]{};
    int n = 0;
    do {
      if (n == 3) fail("too many arguments");
      a[n++] = sum();
    } while (eat(','));
    if (!eat(')')) fail("missing ) after arguments");
    return call(name, a, n);
  }
  double call(std::string_view f, const double* a, int n) const {
    if (f == "sin") return std::sin(a[0]);
    if (f == "cos") return std::cos(a[0]);
    if (f == "tan") return std::tan(a[0]);
    if (f == "exp") return std::exp(a[0]);
    if (f == "log") return std::log(a[0]);
    if (f == "log1p") return std::log1p(a[0]);
    if (f == "expm1") return std::expm1(a[0]);
    if (f == "tanh") return std::tanh(a[0]);
    if (f == "sqrt") return std::sqrt(a[0]);
    if (f == "sigmoid") return 1 / (1 + std::exp(-a[0]));
    if (f == "softplus") return std::log1p(std::exp(a[0]));
    if (f == "abs") return std::abs(a[0]);
    if (f == "relu") return a[0] > 0 ? a[0] : 0.0;
    if (f == "sign") return (a[0] > 0) - (a[0] < 0);
    if (f == "step") return a[0] > 0 ? 1.0 : 0.0;
    if (f == "max") return std::max(a[0], a[1]);
    if (f == "min") return std::min(a[0], a[1]);
    if (f == "logsumexp") {
      double s = 0;
      for (int k = 0; k < n; ++k) s += std::exp(a[k]);
      return std::log(s);
    }
    throw std::runtime_error("unknown function " + std::string(f));
  }
};

template <class E>
void round_trip(const E& e) {
  const std::string text = std::string(to_string(e));
  for (double a : {-1.3, 0.4, 2.2})
    for (double b : {0.3, 1.7}) {
      const double want = eval(e, x = a, y = b);
      double got = 0;
      BOOST_CHECK_NO_THROW(got = text_parser(text, a, b).parse());
      // (a negative base to a non-integer power is NaN both ways; printed without its
      // parentheses, -1.5^x, it would be a finite number)
      const bool both_nan = std::isnan(got) && std::isnan(want);
      BOOST_TEST((both_nan || std::abs(got - want) <= 1e-12 * std::max(1.0, std::abs(want))),
                 "'" << text << "' at x = " << a << ", y = " << b << " reads as " << got << ", is " << want);
    }
}

BOOST_AUTO_TEST_CASE(printed_text_reads_back_as_the_same_expression) {
  using namespace descent;
  const auto rosenbrock = sq(1_c - x) + 100_c * sq(y - sq(x));
  round_trip(rosenbrock);
  round_trip(d(rosenbrock, x));
  round_trip(d(rosenbrock, x, x));
  round_trip(d(rosenbrock, x, y));
  round_trip(x * (y + 1_c));
  round_trip(-(x + y));
  round_trip(x - y / 2_c);
  round_trip(x / (2_c * sq(y)));
  round_trip(-2_c / (x + y));
  round_trip(x * y / sq(x + y));
  round_trip(pow(x + y, -3_c));
  round_trip(pow(y, 1_c / 3_c) - pow(y, -3_c / 2_c));
  round_trip(pow(1_c / 2_c, x) + pow(-2_c, 3_c * y));
  round_trip(pow(sq(y), x) + pow(exp(x), y));
  round_trip(-3_c / 4_c * x * y + 5_c / 6_c);
  round_trip(sin(cos(exp(x))) * tanh(y));
  round_trip(d(sigmoid(x * y), x));
  round_trip(d(logsumexp(x, y, 2_c * x), x));
  round_trip(d(max(x, y), x) + d(min(x, sq(y)), y));
  round_trip(d(pow(y, x), x, y));
  round_trip(d(sin(x) * exp(x) * cos(x * x), x, x, x));
  round_trip(d(sqrt(1_c + sq(x) + sq(y)), x, y));
  round_trip(softplus(x - y) + log1p(sq(y)) - expm1(-x) + abs(x) * relu(y) - sign(x) * step(y));
  // runtime numbers, negative ones included
  round_trip(2.5 * x - 1.5);
  round_trip(-2.5 * x);
  round_trip(x - (-2.5));
  round_trip(x * -2.5 + y);
  round_trip(pow(y, -2.5));
  round_trip(pow(-1.5, 2_c * x) * 0.5);
  round_trip(sin(-2.5 * x) / (y - 0.25));
  round_trip(1e-5 * x + 1e20 * y);
  round_trip(d(2.5 * sq(x) * y - 0.5 * pow(y, 1.5), y));
  round_trip(sq(2.0 * x));
}

BOOST_AUTO_TEST_CASE(runtime_numbers_print_at_run_time) {
  using namespace descent;
  // with runtime numbers the result is an std::string
  static_assert(std::is_same_v<decltype(to_string(2.5 * x)), std::string>);
  static_assert(std::is_same_v<decltype(to_latex(2.5 * x)), std::string>);
  BOOST_TEST(to_string(2.5 * x - 1.5) == "2.5*x - 1.5");
  BOOST_TEST(to_latex(2.5 * x - 1.5) == "2.5 x - 1.5");
  BOOST_TEST(to_string(y - 2.5 * x) == "-2.5*x + y");
  BOOST_TEST(to_string(pow(x, -2.5)) == "x^(-2.5)");      // a negative exponent needs them
  BOOST_TEST(to_string(pow(-1.5, x)) == "(-1.5)^x");      // a negative base too
  BOOST_TEST(to_latex(pow(-1.5, x)) == "\\left(-1.5\\right)^{x}");
  BOOST_TEST(to_string(x - (-2.5)) == "-(-2.5) + x");     // ...and a negated negative number
  BOOST_TEST(to_string(x / 0.5) == "x/0.5");
  BOOST_TEST(to_latex(x / 0.5) == "\\frac{x}{0.5}");
  BOOST_TEST(to_string(sq(x + 0.5)) == "(0.5 + x)^2");
  // shortest round-trip formatting of doubles
  BOOST_TEST(to_string(0.1 * x) == "0.1*x");
  BOOST_TEST(to_string(1e-5 * x) == "1e-05*x");
  // derivatives keep the numbers; gradients and Hessians print as vectors and matrices
  BOOST_TEST(to_string(d(pow(x, 2.5), x)) == "2.5*x^(-1 + 2.5)");
  BOOST_TEST(to_string(grad(2.5 * sq(x) - 0.5 * x * y, wrt(x, y))) == "[2*2.5*x - 0.5*y, -0.5*x]");
  BOOST_TEST(to_latex(grad(2.5 * sq(x) - 0.5 * x * y, wrt(x, y))) ==
             "\\begin{pmatrix}2 \\cdot 2.5 x - 0.5 y \\\\ -0.5 x\\end{pmatrix}");
  BOOST_TEST(to_string(hessian(0.5 * sq(x) * y, wrt(x, y))) == "[[2*0.5*y, 2*0.5*x], [2*0.5*x, 0]]");
}

}  // namespace

// Minimal parentheses around runtime numbers and in LaTeX fractions and powers: a negative
// number may lead a product unless a sign precedes it; a lone numerator or denominator of
// \frac is not wrapped; a positive integer base is not wrapped; exponents print as 10^{k}.
BOOST_AUTO_TEST_CASE(minimal_parentheses_with_runtime_numbers_and_fractions) {
  BOOST_TEST(to_string(-2.5 * x) == "-2.5*x");
  BOOST_TEST(to_latex(-2.5 * x) == "-2.5 x");
  BOOST_TEST(to_string(y + -2.5 * x) == "-2.5*x + y");
  BOOST_TEST(to_string(y - (-2.5) * x) == "-(-2.5)*x + y");
  BOOST_TEST(to_latex(y - (-2.5) * x) == "-\\left(-2.5\\right) x + y");
  BOOST_TEST(to_string(exp(-2.5 * x)) == "exp(-2.5*x)");
  BOOST_TEST(to_string(pow(x, -2.5)) == "x^(-2.5)");
  BOOST_TEST(to_latex(pow(x, -2.5)) == "x^{-2.5}");
  BOOST_TEST(std::string(to_latex(x / (1_c + y))) == "\\frac{x}{1 + y}");
  BOOST_TEST(std::string(to_latex((1_c + x) / y)) == "\\frac{1 + x}{y}");
  BOOST_TEST(std::string(to_latex(-2_c / (x + y))) == "-\\frac{2}{x + y}");
  BOOST_TEST(std::string(to_latex(pow(2_c, x))) == "2^{x}");
  BOOST_TEST(std::string(to_latex(pow(1_c / 2_c, x))) == "\\left(\\frac{1}{2}\\right)^{x}");
  BOOST_TEST(to_latex(1e-5 * x) == "1 \\cdot 10^{-5} x");
  BOOST_TEST(to_latex(1e20 * sq(x)) == "1 \\cdot 10^{20} x^{2}");
  BOOST_TEST(std::string(to_latex(d(max(x, y), x))) ==
             "\\frac{1 + \\operatorname{sign}\\left(x - y\\right)}{2}");
}
