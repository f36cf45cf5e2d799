// Losses: values against their textbook definitions, gradients against the closed forms and
// central differences, and stability at extreme logits (|z| up to 1e4: finite, no NaN).
#include <descent/losses.hpp>
#include <descent/losses/classification.hpp>
#include <descent/losses/penalty.hpp>
#include <descent/losses/regression.hpp>
#include <descent/shaped.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <span>
#include <vector>

namespace {
using namespace descent::losses;
constexpr descent::var<"z"> z;
constexpr descent::var<"y"> y;
constexpr descent::var<"label"> label;
constexpr descent::vec<"v", 3> v;
constexpr descent::vec<"t", 3> t;

template <class L>
double value(const L& loss, double zv, double yv) { return descent::eval(loss, z = zv, y = yv); }
template <class L>
double slope(const L& loss, double zv, double yv) { return descent::eval(descent::d(loss, z), z = zv, y = yv); }
template <class L>
double central(const L& loss, double zv, double yv, double h = 1e-6) {
  return (value(loss, zv + h, yv) - value(loss, zv - h, yv)) / (2 * h);
}
const std::vector<double> points{-3.0, -1.2, -0.4, 0.3, 0.9, 2.5};
}  // namespace

BOOST_AUTO_TEST_CASE(regression_losses_match_their_definitions) {
  for (double zv : points)
    for (double yv : {0.0, 0.7}) {
      const double r = zv - yv;
      BOOST_TEST(value(mse(z, y), zv, yv) == r * r, boost::test_tools::tolerance(1e-15));
      BOOST_TEST(value(mae(z, y), zv, yv) == std::abs(r), boost::test_tools::tolerance(1e-15));
      const double hub = std::abs(r) <= 1 ? 0.5 * r * r : std::abs(r) - 0.5;
      BOOST_TEST(value(huber(z, y), zv, yv) == hub, boost::test_tools::tolerance(1e-14));
      const double hub2 = std::abs(r) <= 0.5 ? 0.5 * r * r : 0.5 * (std::abs(r) - 0.25);
      BOOST_TEST(descent::eval(huber(z, y, 0.5), z = zv, y = yv) == hub2, boost::test_tools::tolerance(1e-14));
      BOOST_TEST(value(log_cosh(z, y), zv, yv) == std::log(std::cosh(r)), boost::test_tools::tolerance(1e-12));
      // derivatives: closed forms and central differences
      BOOST_TEST(slope(mse(z, y), zv, yv) == 2 * r, boost::test_tools::tolerance(1e-14));
      BOOST_TEST(slope(huber(z, y), zv, yv) == std::clamp(r, -1.0, 1.0), boost::test_tools::tolerance(1e-14));
      BOOST_TEST(slope(log_cosh(z, y), zv, yv) == std::tanh(r), boost::test_tools::tolerance(1e-12));
      BOOST_TEST(std::abs(slope(mae(z, y), zv, yv) - central(mae(z, y), zv, yv)) < 1e-8);
    }
}

BOOST_AUTO_TEST_CASE(classification_losses_match_their_definitions) {
  for (double zv : points) {
    const double p = 1 / (1 + std::exp(-zv));
    for (double yv : {0.0, 1.0}) {
      const double bce = -(yv * std::log(p) + (1 - yv) * std::log(1 - p));
      BOOST_TEST(value(binary_cross_entropy(z, y), zv, yv) == bce, boost::test_tools::tolerance(1e-12));
      BOOST_TEST(slope(binary_cross_entropy(z, y), zv, yv) == p - yv, boost::test_tools::tolerance(1e-12));
      const double s = 2 * yv - 1, m = std::max(0.0, 1 - s * zv);
      BOOST_TEST(value(hinge(z, y), zv, yv) == m, boost::test_tools::tolerance(1e-15));
      BOOST_TEST(value(squared_hinge(z, y), zv, yv) == m * m, boost::test_tools::tolerance(1e-15));
      BOOST_TEST(slope(hinge(z, y), zv, yv) == (m > 0 ? -s : 0.0));
      BOOST_TEST(slope(squared_hinge(z, y), zv, yv) == -2 * s * m, boost::test_tools::tolerance(1e-14));
    }
  }
}

BOOST_AUTO_TEST_CASE(binary_cross_entropy_is_stable_at_extreme_logits) {
  for (double zv : {-1e4, -800.0, -40.0, 40.0, 800.0, 1e4})
    for (double yv : {0.0, 1.0}) {
      const double f = value(binary_cross_entropy(z, y), zv, yv), g = slope(binary_cross_entropy(z, y), zv, yv);
      BOOST_TEST(std::isfinite(f));
      BOOST_TEST(std::isfinite(g));
      // right answer: a confident correct logit costs ~0, a confident wrong one costs |z|
      const bool wrong = (zv > 0) != (yv > 0.5);
      if (wrong) {
        BOOST_TEST(f == std::abs(zv), boost::test_tools::tolerance(1e-12));
        BOOST_TEST(std::abs(g) == 1.0, boost::test_tools::tolerance(1e-12));
      } else {
        BOOST_TEST(f < 1e-17);
        BOOST_TEST(std::abs(g) < 1e-17);
      }
    }
  // the naive form -y log(sigmoid(z)) - (1 - y) log(1 - sigmoid(z)) gives inf here
  const double p = 1 / (1 + std::exp(-1e4));
  BOOST_TEST(std::isinf(-std::log(1 - p)));
}

BOOST_AUTO_TEST_CASE(regression_losses_are_stable_at_extreme_residuals) {
  for (double zv : {-1e4, 1e4, -1e300, 1e300}) {
    BOOST_TEST(value(log_cosh(z, y), zv, 0.0) == std::abs(zv) - std::log(2.0), boost::test_tools::tolerance(1e-12));
    BOOST_TEST(std::abs(slope(log_cosh(z, y), zv, 0.0)) == 1.0);
    BOOST_TEST(std::isfinite(value(huber(z, y), zv, 0.0)));
    BOOST_TEST(std::abs(slope(huber(z, y), zv, 0.0)) == 1.0);
  }
  BOOST_TEST(std::isinf(std::log(std::cosh(1e4))));  // the naive form overflows
}

namespace {
// The softmax cross-entropy of one sample as an objective over the logits v.
double softmax_ce(const std::vector<double>& logits, int cls, std::vector<double>& grad) {
  const descent::data::matrix<double> dummy(1, 1);
  const std::vector<int> labels{cls};
  const auto obj = descent::make_objective(descent::mean_over_samples(softmax_cross_entropy(v, label)), descent::wrt(v),
                                           label = labels);
  grad.assign(3, 0.0);
  return obj(std::span<const double>(logits), std::span<double>(grad));
}
}  // namespace

BOOST_AUTO_TEST_CASE(softmax_cross_entropy_with_labels_and_targets) {
  std::vector<double> g;
  const std::vector<double> z3{0.5, -1.0, 2.0};
  const double m = 2.0, lse = m + std::log(std::exp(0.5 - m) + std::exp(-1.0 - m) + 1.0);
  for (int c = 0; c < 3; ++c) {
    BOOST_TEST(softmax_ce(z3, c, g) == lse - z3[static_cast<std::size_t>(c)], boost::test_tools::tolerance(1e-14));
    for (std::size_t k = 0; k < 3; ++k)
      BOOST_TEST(g[k] == std::exp(z3[k] - lse) - (static_cast<int>(k) == c ? 1.0 : 0.0), boost::test_tools::tolerance(1e-14));
  }
  // a one-hot target vector gives the same loss as the label
  const std::array<double, 3> onehot{0, 0, 1};
  BOOST_TEST(descent::eval(softmax_cross_entropy(v, t), v = z3, t = onehot) == lse - 2.0, boost::test_tools::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(softmax_cross_entropy_is_stable_at_extreme_logits) {
  std::vector<double> g;
  // a logit of 1e4 on the true class costs ~0, on another class ~1e4 + its gap
  BOOST_TEST(softmax_ce({1e4, 0.0, -1e4}, 0, g) < 1e-300);
  for (double gk : g) BOOST_TEST(std::isfinite(gk));
  BOOST_TEST(softmax_ce({1e4, 0.0, -1e4}, 2, g) == 2e4, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(g[0] == 1.0);
  BOOST_TEST(g[2] == -1.0);
  BOOST_TEST(std::abs(g[1]) < 1e-300);
  BOOST_TEST(softmax_ce({-1e4, -1e4, -1e4}, 1, g) == std::log(3.0), boost::test_tools::tolerance(1e-12));
  for (double gk : g) BOOST_TEST(std::isfinite(gk));
}

BOOST_AUTO_TEST_CASE(penalties) {
  constexpr descent::vec<"w", 3> w;
  const std::array<double, 3> wv{1.5, -2.0, 0.0};
  BOOST_TEST(descent::eval(l1_penalty(w), w = wv) == 3.5);
  BOOST_TEST(descent::eval(l2_penalty(w), w = wv) == 6.25);
  const Eigen::VectorXd g1 = descent::eval(descent::d(l1_penalty(w), w), w = wv);
  BOOST_TEST(g1(0) == 1.0);
  BOOST_TEST(g1(1) == -1.0);
  BOOST_TEST(g1(2) == 0.0);
}
