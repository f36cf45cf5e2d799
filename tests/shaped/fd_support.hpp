// tests/shaped/fd_support.hpp: central differences of an objective, for shaped derivative tests,
// and the random data sets the tests over samples share.
#ifndef DESCENT_TESTS_SHAPED_FD_SUPPORT_HPP
#define DESCENT_TESTS_SHAPED_FD_SUPPORT_HPP

#include <boost/test/unit_test.hpp>

#include <descent/data/matrix.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <span>
#include <vector>

namespace fd {

inline std::vector<double> random_vector(std::size_t n, unsigned seed, double lo = -1.0, double hi = 1.0) {
  std::mt19937_64 g(seed);
  std::vector<double> v(n);
  for (auto& x : v) x = lo + (hi - lo) * static_cast<double>(g() >> 11) * 0x1.0p-53;
  return v;
}

// n samples of `features` features drawn in [-2, 2] from `seed`, 0/1 targets (1 for every
// third sample) and labels i * 5 mod `classes`.
struct sample_data {
  descent::data::matrix<double> X;
  std::vector<double> Y;
  std::vector<int> labels;
  sample_data(std::size_t n, std::size_t features, unsigned seed, std::size_t classes) : X(n, features), Y(n), labels(n) {
    const auto v = random_vector(n * features, seed, -2, 2);
    std::copy(v.begin(), v.end(), X.values.begin());
    for (std::size_t i = 0; i < n; ++i) {
      Y[i] = (i * 7 % 3 == 0) ? 1.0 : 0.0;
      labels[i] = static_cast<int>(i * 5 % classes);
    }
  }
};

// The largest |analytic - numeric| / max(1, |numeric|) over the gradient entries.
template <class Obj>
double gradient_error(const Obj& obj, std::vector<double> x, double h = 1e-6) {
  std::vector<double> g(x.size());
  obj(std::span<const double>(x), std::span<double>(g));
  double worst = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double xi = x[i];
    x[i] = xi + h;
    const double fp = obj.value(std::span<const double>(x));
    x[i] = xi - h;
    const double fm = obj.value(std::span<const double>(x));
    x[i] = xi;
    const double num = (fp - fm) / (2 * h);
    worst = std::max(worst, std::abs(g[i] - num) / std::max(1.0, std::abs(num)));
  }
  return worst;
}

// The largest error of H v against central differences of the gradient along v.
template <class Obj>
double hvp_error(const Obj& obj, const std::vector<double>& x, const std::vector<double>& v, double h = 1e-5) {
  const std::size_t n = x.size();
  std::vector<double> hv(n), gp(n), gm(n), xp(x), xm(x);
  obj.hessian_vector(std::span<const double>(x), std::span<const double>(v), std::span<double>(hv));
  for (std::size_t i = 0; i < n; ++i) { xp[i] += h * v[i]; xm[i] -= h * v[i]; }
  obj(std::span<const double>(xp), std::span<double>(gp));
  obj(std::span<const double>(xm), std::span<double>(gm));
  double worst = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double num = (gp[i] - gm[i]) / (2 * h);
    worst = std::max(worst, std::abs(hv[i] - num) / std::max(1.0, std::abs(num)));
  }
  return worst;
}

// Gradient and Hessian-vector product at several random points.
template <class Obj>
void check(const Obj& obj, std::size_t n, unsigned seed, double lo = -1.0, double hi = 1.0, double tol = 1e-6) {
  for (unsigned k = 0; k < 4; ++k) {
    const auto x = random_vector(n, seed * 17 + k, lo, hi);
    const auto v = random_vector(n, seed * 31 + k + 1000);
    BOOST_TEST(gradient_error(obj, x) < tol);
    BOOST_TEST(hvp_error(obj, x, v) < 10 * tol);
  }
}

}  // namespace fd

#endif
