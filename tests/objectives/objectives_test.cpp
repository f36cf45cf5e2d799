// Objectives built from expressions (descent/objectives/): sums over data
// columns, the exact Hessian, least squares with the Jacobian, runtime errors at the
// boundary, and minimize(expr, wrt(...), params, ...).
#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <descent/descent.hpp>

using namespace descent::literals;

namespace {
constexpr descent::var<"w"> w;
constexpr descent::var<"b"> b;
constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;

const std::vector<double> xs{0.5, 1.0, 1.5, 2.0, 2.5};
const std::vector<double> ys{1.1, 1.9, 3.2, 3.9, 5.1};

template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(expression_objectives)

BOOST_AUTO_TEST_CASE(sum_over_data_columns_matches_a_hand_written_loop) {
  const auto loss = sq(w * x + b - y) + 0.1 * sq(w);  // a runtime constant inside
  const auto obj = descent::make_objective(loss, descent::wrt(w, b), x = xs, y = ys);
  BOOST_TEST(obj.samples() == xs.size());
  const std::array<double, 2> p{0.8, 0.3};
  std::array<double, 2> g{};
  const double v = obj(std::span<const double>(p), std::span<double>(g));
  double ev = 0, gw = 0, gb = 0, hww = 0, hwb = 0, hbb = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double r = p[0] * xs[i] + p[1] - ys[i];
    ev += r * r + 0.1 * p[0] * p[0];
    gw += 2 * r * xs[i] + 0.2 * p[0];
    gb += 2 * r;
    hww += 2 * xs[i] * xs[i] + 0.2;
    hwb += 2 * xs[i];
    hbb += 2;
  }
  BOOST_TEST(v == ev, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(g[0] == gw, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(g[1] == gb, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(obj.value(std::span<const double>(p)) == ev, boost::test_tools::tolerance(1e-14));
  std::array<double, 4> h{};
  obj.hessian(std::span<const double>(p), std::span<double>(h));
  BOOST_TEST(h[0] == hww, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(h[1] == hwb, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(h[2] == hwb, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(h[3] == hbb, boost::test_tools::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(scalar_bindings_are_fixed_and_float_parameters_work) {
  constexpr descent::var<"lambda"> lambda;
  const auto obj = descent::make_objective(sq(x - 3_c) + lambda * sq(x), descent::wrt(x), lambda = 0.5);
  const std::array<float, 1> p{1.0f};
  std::array<float, 1> g{};
  const float v = obj(std::span<const float>(p), std::span<float>(g));
  BOOST_TEST(v == 4.5f);
  BOOST_TEST(g[0] == -3.0f);  // 2 (x - 3) + 2 lambda x
}

BOOST_AUTO_TEST_CASE(least_squares_residuals_and_jacobian) {
  const auto ls = descent::make_least_squares(exp(w * x + b) - y, descent::wrt(w, b), x = xs, y = ys);
  BOOST_TEST(ls.num_residuals() == xs.size());
  const std::array<double, 2> p{0.3, 0.1};
  std::vector<double> r(xs.size()), j(2 * xs.size());
  ls.residuals_and_jacobian(std::span<const double>(p), std::span<double>(r), std::span<double>(j));
  std::array<double, 2> g{};
  const double half_sq = ls(std::span<const double>(p), std::span<double>(g));
  double hs = 0, g0 = 0, g1 = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double e = std::exp(p[0] * xs[i] + p[1]);
    BOOST_TEST(r[i] == e - ys[i], boost::test_tools::tolerance(1e-14));
    BOOST_TEST(j[2 * i] == xs[i] * e, boost::test_tools::tolerance(1e-14));
    BOOST_TEST(j[2 * i + 1] == e, boost::test_tools::tolerance(1e-14));
    hs += (e - ys[i]) * (e - ys[i]) / 2;
    g0 += (e - ys[i]) * xs[i] * e;
    g1 += (e - ys[i]) * e;
  }
  BOOST_TEST(half_sq == hs, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(g[0] == g0, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(g[1] == g1, boost::test_tools::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(bad_sizes_are_reported_with_names) {
  const std::vector<double> short_ys{1.0, 2.0};
  BOOST_TEST(error_of([&] { (void)descent::make_objective(sq(w * x - y), descent::wrt(w), x = xs, y = short_ys); }) ==
             "descent::make_objective: data columns differ in length: 'x' has 5 values, 'y' has 2");
  const auto obj = descent::make_objective(sq(w * x - y), descent::wrt(w), x = xs, y = ys);
  const std::array<double, 2> p{1.0, 2.0};
  std::array<double, 2> g{};
  BOOST_TEST(error_of([&] { (void)obj(std::span<const double>(p), std::span<double>(g)); }) ==
             "descent::make_objective: the parameter vector has 2 entries, expected 1 (one per variable of wrt(...))");
  const auto ls = descent::make_least_squares(w * x - y, descent::wrt(w), x = xs, y = ys);
  std::vector<double> r(3);
  const std::array<double, 1> q{1.0};
  BOOST_TEST(error_of([&] { ls.residuals(std::span<const double>(q), std::span<double>(r)); }) ==
             "descent::make_least_squares: the residual vector has 3 entries, expected 5 (one per sample)");
}

BOOST_AUTO_TEST_CASE(minimize_takes_the_expression_and_its_variables) {
  std::array<double, 2> p{0.0, 0.0};
  auto opt = descent::optim::adam({.learning_rate = 0.05});
  const auto r = descent::minimize(sq(x - 1_c) + sq(y + 2_c), descent::wrt(x, y), p, opt,
                                   descent::max_iterations{5000} || descent::gradient_norm_below{1e-9});
  BOOST_TEST((r.reason == descent::stop_reason::gradient_norm), r.message);
  BOOST_TEST(p[0] == 1.0, boost::test_tools::tolerance(1e-8));
  BOOST_TEST(p[1] == -2.0, boost::test_tools::tolerance(1e-8));
}

BOOST_AUTO_TEST_SUITE_END()
