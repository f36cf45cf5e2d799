// Line searches on a suite of 1-D functions: the conditions they promise hold at the step
// they return, and failures are reported, never hidden.
#include <descent/search/along.hpp>
#include <descent/search/armijo.hpp>
#include <descent/search/result.hpp>
#include <descent/search/strong_wolfe.hpp>
#include <descent/search.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <span>
#include <string>
#include <vector>

namespace ds = descent::search;

namespace {

struct function_1d {
  std::string name;
  double (*value)(double);
  double (*derivative)(double);
  double c1, c2;  // the constants More & Thuente use for this function
};

// More & Thuente (1994), "Line search algorithms with guaranteed sufficient decrease",
// test functions 1-6 (section 5), and two smooth everyday ones.
constexpr double mt2_b = 0.004;
constexpr double mt3_b = 0.01, mt3_l = 39.0;
double mt3_phi0(double a) {
  if (a <= 1 - mt3_b) return 1 - a;
  if (a >= 1 + mt3_b) return a - 1;
  return (a - 1) * (a - 1) / (2 * mt3_b) + mt3_b / 2;
}
double mt3_dphi0(double a) {
  if (a <= 1 - mt3_b) return -1;
  if (a >= 1 + mt3_b) return 1;
  return (a - 1) / mt3_b;
}
double gam(double b) { return std::sqrt(1 + b * b) - b; }
template <int B1, int B2>  // beta = B / 1000
double yanai(double a) {
  const double b1 = B1 / 1000.0, b2 = B2 / 1000.0;
  return gam(b1) * std::sqrt((1 - a) * (1 - a) + b2 * b2) + gam(b2) * std::sqrt(a * a + b1 * b1);
}
template <int B1, int B2>
double dyanai(double a) {
  const double b1 = B1 / 1000.0, b2 = B2 / 1000.0;
  return gam(b1) * (a - 1) / std::sqrt((1 - a) * (1 - a) + b2 * b2) +
         gam(b2) * a / std::sqrt(a * a + b1 * b1);
}

std::vector<function_1d> suite() {
  return {
      {"MT1 -a/(a^2+2)", [](double a) { return -a / (a * a + 2); },
       [](double a) { return (a * a - 2) / ((a * a + 2) * (a * a + 2)); }, 1e-3, 0.1},
      {"MT2 (a+b)^5-2(a+b)^4", [](double a) { return std::pow(a + mt2_b, 5) - 2 * std::pow(a + mt2_b, 4); },
       [](double a) { return 5 * std::pow(a + mt2_b, 4) - 8 * std::pow(a + mt2_b, 3); }, 0.1, 0.1},
      {"MT3 wiggly",
       [](double a) {
         return mt3_phi0(a) + 2 * (1 - mt3_b) / (mt3_l * std::numbers::pi) *
                                  std::sin(mt3_l * std::numbers::pi * a / 2);
       },
       [](double a) {
         return mt3_dphi0(a) + (1 - mt3_b) * std::cos(mt3_l * std::numbers::pi * a / 2);
       },
       0.1, 0.1},
      {"MT4 Yanai (1e-3,1e-3)", yanai<1, 1>, dyanai<1, 1>, 1e-3, 1e-3},
      {"MT5 Yanai (1e-2,1e-3)", yanai<10, 1>, dyanai<10, 1>, 1e-3, 1e-3},
      {"MT6 Yanai (1e-3,1e-2)", yanai<1, 10>, dyanai<1, 10>, 1e-3, 1e-3},
      {"quadratic (a-3)^2", [](double a) { return (a - 3) * (a - 3); },
       [](double a) { return 2 * (a - 3); }, 1e-4, 0.9},
      {"exp(a)-4a", [](double a) { return std::exp(a) - 4 * a; },
       [](double a) { return std::exp(a) - 4; }, 1e-4, 0.9},
  };
}

struct counted {
  const function_1d* fn;
  int calls = 0;
  ds::trial<double> operator()(double a) {
    ++calls;
    return {fn->value(a), fn->derivative(a)};
  }
};

constexpr std::array<double, 4> starts{1e-3, 1e-1, 1e1, 1e3};  // More & Thuente's alpha0

}  // namespace

BOOST_AUTO_TEST_CASE(strong_wolfe_conditions_hold_on_the_suite) {
  for (const auto& fn : suite()) {
    for (double c_scale : {1.0, 0.0}) {  // the paper's constants, then the defaults
      ds::strong_wolfe wolfe{.max_evaluations = 100};
      if (c_scale == 1.0) {
        wolfe.c1 = fn.c1;
        wolfe.c2 = fn.c2;
      }
      for (double a0 : starts) {
        counted phi{&fn};
        const double f0 = fn.value(0), d0 = fn.derivative(0);
        const auto r = wolfe(phi, f0, d0, a0);
        BOOST_TEST_CONTEXT(fn.name << " alpha0=" << a0 << " c1=" << wolfe.c1
                                   << " c2=" << wolfe.c2 << " -> " << r.message) {
          BOOST_TEST(r.ok());
          BOOST_TEST(r.alpha > 0.0);
          BOOST_TEST(r.value == fn.value(r.alpha));
          BOOST_TEST(r.derivative == fn.derivative(r.alpha));
          BOOST_TEST(r.value <= f0 + wolfe.c1 * r.alpha * d0);               // Armijo
          BOOST_TEST(std::abs(r.derivative) <= wolfe.c2 * std::abs(d0));     // curvature
          BOOST_TEST(r.evaluations == static_cast<std::size_t>(phi.calls));
          BOOST_TEST(r.evaluations <= 35u);  // worst here: MT2 from 1e3, 31
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(armijo_sufficient_decrease_holds_on_the_suite) {
  for (const auto& fn : suite()) {
    for (double a0 : starts) {
      const ds::armijo armijo{.c1 = fn.c1};
      counted phi{&fn};
      const double f0 = fn.value(0), d0 = fn.derivative(0);
      const auto r = armijo(phi, f0, d0, a0);
      BOOST_TEST_CONTEXT(fn.name << " alpha0=" << a0 << " -> " << r.message) {
        BOOST_TEST(r.ok());
        BOOST_TEST(r.alpha > 0.0);
        BOOST_TEST(r.alpha <= a0);
        BOOST_TEST(r.value == fn.value(r.alpha));
        BOOST_TEST(r.value <= f0 + armijo.c1 * r.alpha * d0);
        BOOST_TEST(r.evaluations == static_cast<std::size_t>(phi.calls));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(ascent_direction_is_reported) {
  auto phi = [](double a) { return ds::trial<double>{(a + 1) * (a + 1), 2 * (a + 1)}; };
  const auto w = ds::strong_wolfe{}(phi, 1.0, 2.0, 1.0);
  BOOST_TEST(!w.ok());
  BOOST_TEST((w.status == ds::search_status::not_descent));
  BOOST_TEST(w.alpha == 0.0);
  BOOST_TEST(w.evaluations == 0u);
  BOOST_TEST(std::string(w.message).find("not a descent direction") != std::string::npos);
  const auto a = ds::armijo{}(phi, 1.0, 2.0, 1.0);
  BOOST_TEST((a.status == ds::search_status::not_descent));
  // phi'(0) = 0 is not descent either
  BOOST_TEST((ds::strong_wolfe{}(phi, 1.0, 0.0, 1.0).status == ds::search_status::not_descent));
}

BOOST_AUTO_TEST_CASE(unbounded_line_has_no_acceptable_step) {
  // phi(a) = -a: sufficient decrease everywhere, curvature condition nowhere.
  auto phi = [](double a) { return ds::trial<double>{-a, -1.0}; };
  const auto w = ds::strong_wolfe{}(phi, 0.0, -1.0, 1.0);
  BOOST_TEST(!w.ok());
  BOOST_TEST((w.status == ds::search_status::max_step));
  BOOST_TEST(w.alpha == 1e10);  // the best point seen is still returned, flagged failed
  const auto few = ds::strong_wolfe{.max_evaluations = 5}(phi, 0.0, -1.0, 1.0);
  BOOST_TEST((few.status == ds::search_status::max_evaluations));
  BOOST_TEST(few.evaluations == 5u);
}

BOOST_AUTO_TEST_CASE(wrong_derivative_gives_no_decrease_and_fails) {
  // Claims phi'(0) = -1 but phi(a) = a^2 only grows: no step has sufficient decrease.
  auto phi = [](double a) { return ds::trial<double>{a * a, 2 * a}; };
  const auto w = ds::strong_wolfe{}(phi, 0.0, -1.0, 1.0);
  BOOST_TEST(!w.ok());
  BOOST_TEST(w.alpha == 0.0);
  const auto a = ds::armijo{}(phi, 0.0, -1.0, 1.0);
  BOOST_TEST(!a.ok());
  BOOST_TEST(a.alpha == 0.0);
}

BOOST_AUTO_TEST_CASE(non_finite_values_are_stepped_back_from_or_reported) {
  // phi is NaN beyond a = 0.5; the searches must back off into the finite region.
  auto phi = [](double a) {
    if (a > 0.5) return ds::trial<double>{std::numeric_limits<double>::quiet_NaN(), 0.0};
    return ds::trial<double>{(a - 0.4) * (a - 0.4), 2 * (a - 0.4)};
  };
  const auto w = ds::strong_wolfe{}(phi, 0.16, -0.8, 1.0);
  BOOST_TEST(w.ok());
  BOOST_TEST(w.alpha <= 0.5);
  const auto a = ds::armijo{}(phi, 0.16, -0.8, 1.0);
  BOOST_TEST(a.ok());
  BOOST_TEST(a.alpha <= 0.5);
  // NaN at the start is reported.
  const auto n = ds::strong_wolfe{}(phi, std::numeric_limits<double>::quiet_NaN(), -1.0, 1.0);
  BOOST_TEST((n.status == ds::search_status::not_finite));
}

BOOST_AUTO_TEST_CASE(along_builds_phi_from_an_objective) {
  // f(x, y) = (x-1)^2 + 10 (y+2)^2 from (0, 0) along the steepest-descent direction.
  auto f = [](std::span<const double> x, std::span<double> g) {
    g[0] = 2 * (x[0] - 1);
    g[1] = 20 * (x[1] + 2);
    return (x[0] - 1) * (x[0] - 1) + 10 * (x[1] + 2) * (x[1] + 2);
  };
  std::array<double, 2> x{0, 0}, g{}, d{}, xt{}, gt{};
  const double f0 = f(x, g);
  for (int i = 0; i < 2; ++i) d[i] = -g[i];
  auto phi = ds::along(f, std::span<const double>(x), std::span<const double>(d),
                       std::span<double>(xt), std::span<double>(gt));
  const double d0 = g[0] * d[0] + g[1] * d[1];
  const auto r = ds::strong_wolfe{}(phi, f0, d0, 1.0 / std::hypot(g[0], g[1]));
  BOOST_TEST(r.ok());
  BOOST_TEST(phi.at(r.alpha));  // the trial buffers hold the accepted point
  BOOST_TEST(xt[0] == x[0] + r.alpha * d[0]);
  std::array<double, 2> gcheck{};
  BOOST_TEST(f(xt, gcheck) == r.value);
  BOOST_TEST(gt[1] == gcheck[1]);
  BOOST_TEST(phi.evaluations() == r.evaluations);
}

BOOST_AUTO_TEST_CASE(float_works_too) {
  auto phi = [](float a) { return ds::trial<float>{(a - 3) * (a - 3), 2 * (a - 3)}; };
  const auto w = ds::strong_wolfe{}(phi, 9.0f, -6.0f, 1.0f);
  BOOST_TEST(w.ok());
  BOOST_TEST(std::abs(w.derivative) <= 0.9f * 6.0f);
  const auto a = ds::armijo{}(phi, 9.0f, -6.0f, 100.0f);
  BOOST_TEST(a.ok());
}
