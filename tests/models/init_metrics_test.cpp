// Seeded initialisation (Xavier/Glorot, He): the right distribution (moments, bounds),
// reproducible and pinned across compilers, and size checks; metrics against hand-computed
// values and scikit-learn's conventions, with size checks naming the sizes.
#include <descent/models/init.hpp>
#include <descent/models/metrics.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace dm = descent::models;

namespace {
struct moments {
  double mean, var, lo, hi;
};
moments of(const std::vector<double>& w) {
  double m = 0, v = 0;
  for (double x : w) m += x;
  m /= static_cast<double>(w.size());
  for (double x : w) v += (x - m) * (x - m);
  const auto [lo, hi] = std::minmax_element(w.begin(), w.end());
  return {m, v / static_cast<double>(w.size()), *lo, *hi};
}
bool says(const std::exception& e, const std::string& s) {
  BOOST_TEST_MESSAGE(e.what());
  return std::string(e.what()).find(s) != std::string::npos;
}
}  // namespace

BOOST_AUTO_TEST_CASE(initialisers_have_the_documented_distributions) {
  const dm::fans f{.in = 300, .out = 500};  // 150000 weights
  std::vector<double> w(f.in * f.out);
  const double n = static_cast<double>(w.size());
  struct expected {
    const char* name;
    double var;
    double bound;  // 0: unbounded (normal)
  };
  const double xavier_var = 2.0 / 800.0, he_var = 2.0 / 300.0;
  for (const auto& [name, var, bound] :
       {expected{"xavier_uniform", xavier_var, std::sqrt(6.0 / 800.0)},
        expected{"xavier_normal", xavier_var, 0.0},
        expected{"he_uniform", he_var, std::sqrt(6.0 / 300.0)},
        expected{"he_normal", he_var, 0.0}}) {
    const std::string which = name;
    if (which == "xavier_uniform") dm::xavier_uniform(w, f, 1);
    if (which == "xavier_normal") dm::xavier_normal(w, f, 1);
    if (which == "he_uniform") dm::he_uniform(w, f, 1);
    if (which == "he_normal") dm::he_normal(w, f, 1);
    const auto m = of(w);
    BOOST_TEST_MESSAGE(which << ": mean " << m.mean << " var " << m.var << " range " << m.lo << " " << m.hi);
    BOOST_TEST(std::abs(m.mean) < 5.0 * std::sqrt(var / n), which);          // 5 standard errors
    BOOST_TEST(std::abs(m.var / var - 1.0) < 5.0 * std::sqrt(2.0 / n) * (bound > 0 ? 0.64 : 1.0), which);
    if (bound > 0) {
      BOOST_TEST(m.lo >= -bound, which);
      BOOST_TEST(m.hi < bound, which);
      BOOST_TEST(m.hi > 0.999 * bound, which);  // fills the interval
    } else {
      // normal tails: about 0.27 % beyond 3 standard deviations
      const double sd = std::sqrt(var);
      const auto beyond = std::count_if(w.begin(), w.end(), [&](double x) { return std::abs(x) > 3 * sd; });
      BOOST_TEST(std::abs(static_cast<double>(beyond) / n - 0.0027) < 0.0006, which);
    }
  }
}

BOOST_AUTO_TEST_CASE(initialisation_is_seeded_and_pinned) {
  std::vector<double> a(6), b(6), c(6);
  dm::he_normal(a, {.in = 2, .out = 3}, 42);
  dm::he_normal(b, {.in = 2, .out = 3}, 42);
  dm::he_normal(c, {.in = 2, .out = 3}, 43);
  BOOST_TEST(a == b, boost::test_tools::per_element());
  BOOST_TEST((a != c));
  // pinned (glibc's log/sin/cos, as g++ and clang use here): the weights of a seed must not
  // change between compilers or releases
  std::vector<double> u(3), z(3);
  dm::xavier_uniform(u, {.in = 1, .out = 3}, 7);
  dm::xavier_normal(z, {.in = 1, .out = 3}, 7);
  BOOST_TEST_MESSAGE(std::hexfloat << u[0] << " " << u[1] << " " << u[2] << " | " << z[0] << " " << z[1] << " " << z[2]);
  const std::vector<double> pinned_u{-0x1.14566a85c9c0ap-2, -0x1.2f01dbe7ab6a2p+0, 0x1.f69c081567c5cp-1};
  const std::vector<double> pinned_z{0x1.65ddade2ee54ep-1, 0x1.2f1e372bff8ebp-4, -0x1.517762992041p+0};
  BOOST_TEST(u == pinned_u, boost::test_tools::tolerance(1e-15) << boost::test_tools::per_element());
  BOOST_TEST(z == pinned_z, boost::test_tools::tolerance(1e-15) << boost::test_tools::per_element());
  // float weights are the double draws rounded
  std::vector<float> uf(3);
  dm::xavier_uniform(uf, {.in = 1, .out = 3}, 7);
  for (std::size_t i = 0; i < 3; ++i) BOOST_TEST(uf[i] == static_cast<float>(u[i]));
  // one generator for several layers: the second layer continues the stream
  descent::data::splitmix64 g(7);
  std::vector<double> l1(3), l2(3);
  dm::xavier_uniform(l1, {.in = 1, .out = 3}, g);
  dm::xavier_uniform(l2, {.in = 1, .out = 3}, g);
  BOOST_TEST(l1 == u, boost::test_tools::per_element());
  BOOST_TEST((l2 != u));
}

BOOST_AUTO_TEST_CASE(initialisation_checks_its_sizes) {
  std::vector<double> w(10);
  BOOST_CHECK_EXCEPTION(dm::xavier_uniform(w, {.in = 3, .out = 4}, 1), std::invalid_argument,
                        [](const std::exception& e) {
                          return says(e, "xavier_uniform") && says(e, "10 weights") && says(e, "make 12");
                        });
  BOOST_CHECK_EXCEPTION(dm::he_normal(w, {.in = 0, .out = 10}, 1), std::invalid_argument,
                        [](const std::exception& e) { return says(e, "he_normal") && says(e, ".in = 0"); });
}

BOOST_AUTO_TEST_CASE(classification_metrics) {
  const std::vector<std::size_t> truth{0, 0, 1, 1, 2, 2, 2};
  const std::vector<std::size_t> pred{0, 1, 1, 1, 2, 0, 2};
  BOOST_TEST(dm::accuracy(pred, truth) == 5.0 / 7.0);
  const auto c = dm::confusion_matrix(pred, truth, 3);
  // rows: truth, columns: prediction
  BOOST_TEST(c.values == std::vector<std::size_t>({1, 1, 0, 0, 2, 0, 1, 0, 2}), boost::test_tools::per_element());
  const std::vector<std::size_t> short_pred{0, 1};
  BOOST_CHECK_EXCEPTION(dm::accuracy(short_pred, truth), std::invalid_argument, [](const std::exception& e) {
    return says(e, "accuracy") && says(e, "2 predictions for 7 true values");
  });
  BOOST_CHECK_EXCEPTION(dm::confusion_matrix(pred, truth, 2), std::invalid_argument,
                        [](const std::exception& e) { return says(e, "label 2 (true)") && says(e, "classes = 2"); });
  BOOST_CHECK_EXCEPTION(dm::accuracy(std::vector<std::size_t>{}, std::vector<std::size_t>{}),
                        std::invalid_argument, [](const std::exception& e) { return says(e, "no samples"); });
}

BOOST_AUTO_TEST_CASE(regression_metrics) {
  const std::vector<double> y{3.0, -0.5, 2.0, 7.0}, p{2.5, 0.0, 2.0, 8.0};
  BOOST_TEST(dm::mean_squared_error(p, y) == 0.375);               // scikit-learn's docstring example
  BOOST_TEST(dm::r2_score(p, y) == 0.9486081370449679, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(dm::r2_score(y, y) == 1.0);
  const std::vector<double> flat{2.0, 2.0}, off{2.0, 3.0};
  BOOST_TEST(dm::r2_score(flat, flat) == 1.0);  // constant truth: 1 if perfect, else 0
  BOOST_TEST(dm::r2_score(off, flat) == 0.0);
  const std::vector<float> yf{1.0f, 2.0f}, pf{1.0f, 3.0f};
  BOOST_TEST(dm::mean_squared_error(pf, yf) == 0.5f);
  const std::vector<double> three{1, 2, 3};
  BOOST_CHECK_EXCEPTION(dm::r2_score(three, y), std::invalid_argument, [](const std::exception& e) {
    return says(e, "r2_score") && says(e, "3 predictions for 4 true values");
  });
  BOOST_CHECK_EXCEPTION(dm::mean_squared_error(three, y), std::invalid_argument,
                        [](const std::exception& e) { return says(e, "mean_squared_error"); });
}
