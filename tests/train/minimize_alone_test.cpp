// descent/train/minimize.hpp is self-sufficient: with only it and the expression language
// included, minimize(expr, wrt(...), params, ...) finds everything it calls (it once found
// make_objective by argument-dependent lookup in a header it did not include, and failed
// to compile here).  minimize.hpp is included first on purpose.
#include <descent/train/minimize.hpp>

#include <descent/expr/operators.hpp>
#include <descent/expr/variable.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <span>

namespace {
// A plain gradient step, so that no optimizer header is included.
struct plain_gradient_step {
  double rate;
  void step(std::span<double> x, std::span<const double> g) const {
    for (std::size_t i = 0; i < x.size(); ++i) x[i] -= rate * g[i];
  }
};
}  // namespace

BOOST_AUTO_TEST_CASE(minimize_header_alone_takes_an_expression) {
  constexpr descent::var<"x"> x;
  constexpr descent::var<"y"> y;
  const auto f = (x - 3.0) * (x - 3.0) + 2.0 * (y + 1.0) * (y + 1.0);
  std::array<double, 2> p{0.0, 0.0};
  plain_gradient_step gd{0.1};
  const auto r = descent::minimize(f, descent::wrt(x, y), p, gd, descent::max_iterations{200});
  BOOST_TEST(p[0] == 3.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(p[1] == -1.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(r.loss < 1e-12);
}
