// tests/shaped/hessian_support.hpp: Hessians by central differences of the gradient, and
// the checks of hessian(f, wrt(w)) and obj.hessian against them.
#ifndef DESCENT_TESTS_SHAPED_HESSIAN_SUPPORT_HPP
#define DESCENT_TESTS_SHAPED_HESSIAN_SUPPORT_HPP

#include <descent/shaped.hpp>

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

#include "fd_support.hpp"

namespace fd {

// The Hessian of obj at p by central differences of its gradient (column j: along e_j).
template <class Obj>
std::vector<double> numeric_hessian(const Obj& obj, std::vector<double> p, double h = 1e-5) {
  const std::size_t n = p.size();
  std::vector<double> H(n * n), gp(n), gm(n);
  for (std::size_t j = 0; j < n; ++j) {
    const double pj = p[j];
    p[j] = pj + h;
    obj(std::span<const double>(p), std::span<double>(gp));
    p[j] = pj - h;
    obj(std::span<const double>(p), std::span<double>(gm));
    p[j] = pj;
    for (std::size_t i = 0; i < n; ++i) H[i * n + j] = (gp[i] - gm[i]) / (2 * h);
  }
  return H;
}
template <class M>
double max_error(const M& analytic, const std::vector<double>& numeric, std::size_t n) {
  double worst = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      const double num = numeric[i * n + j];
      worst = std::max(worst, std::abs(analytic(i, j) - num) / std::max(1.0, std::abs(num)));
    }
  return worst;
}

// hessian(f, wrt(v)) evaluated at several random points against differences of f's gradient
// (and obj.hessian against it when ObjectiveToo: costly to compile, so for some functions).
template <bool ObjectiveToo = false, class F, class V, class... Bs>
void check_hessian(const F& f, V v, unsigned seed, double lo, double hi, const Bs&... bs) {
  constexpr std::size_t n = descent::detail::shape_v<V>.size();
  const auto H = descent::hessian(f, descent::wrt(v));
  const auto obj = descent::make_objective(f, descent::wrt(v), bs...);
  for (unsigned k = 0; k < 5; ++k) {
    const auto p = fd::random_vector(n, seed * 13 + k, lo, hi);
    const Eigen::MatrixXd analytic = descent::eval(H, v = p, bs...);
    BOOST_TEST_REQUIRE(analytic.rows() == static_cast<Eigen::Index>(n));
    BOOST_TEST_REQUIRE(analytic.cols() == static_cast<Eigen::Index>(n));
    BOOST_TEST(max_error(analytic, numeric_hessian(obj, p), n) < 1e-6);
    if constexpr (!ObjectiveToo) continue;
    // obj.hessian (matrix form) agrees with the expression
    std::vector<double> h(n * n);
    obj.hessian(std::span<const double>(p), std::span<double>(h));
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        BOOST_TEST(h[i * n + j] == 0.5 * (analytic(i, j) + analytic(j, i)), boost::test_tools::tolerance(1e-12));
  }
}

// The Hessian of obj from Hessian-vector products along the unit vectors.
template <class Obj>
std::vector<double> hessian_from_products(const Obj& obj, const std::vector<double>& p) {
  const std::size_t n = p.size();
  std::vector<double> H(n * n), e(n, 0.0), col(n);
  for (std::size_t j = 0; j < n; ++j) {
    e[j] = 1.0;
    obj.hessian_vector(std::span<const double>(p), std::span<const double>(e), std::span<double>(col));
    e[j] = 0.0;
    for (std::size_t i = 0; i < n; ++i) H[i * n + j] = col[i];
  }
  return H;
}
template <class Obj>
void check_objective_hessian(const Obj& obj, unsigned seed) {
  constexpr std::size_t n = Obj::dimension;
  for (unsigned k = 0; k < 3; ++k) {
    const auto p = fd::random_vector(n, seed + k);
    std::vector<double> h(n * n);
    obj.hessian(std::span<const double>(p), std::span<double>(h));
    const auto products = hessian_from_products(obj, p);
    const auto numeric = numeric_hessian(obj, p);
    for (std::size_t i = 0; i < n * n; ++i) {
      BOOST_TEST(h[i] == products[i], boost::test_tools::tolerance(1e-11));
      BOOST_TEST(std::abs(h[i] - numeric[i]) < 1e-6 * std::max(1.0, std::abs(numeric[i])));
    }
  }
}

// Samples of 4 features with 0/1 targets (hessian_objective*.cpp, hessian_matrix_parameters.cpp;
// the labels are not used).
struct data_set : sample_data {
  explicit data_set(std::size_t n) : sample_data(n, 4, 5, 3) {}
};

}  // namespace fd

// The symbols, bound values and logistic loss that the Hessian tests share (hessian_rules*.cpp,
// hessian_powers_and_norms.cpp, hessian_linear_algebra.cpp, hessian_matrix_vector.cpp,
// hessian_slices.cpp, hessian_objective*.cpp).
namespace hessian_symbols {
using namespace descent::literals;
constexpr descent::vec<"w", 4> w;
constexpr descent::var<"b"> b;
constexpr descent::vec<"x", 4> x;
constexpr descent::var<"y"> y;
constexpr descent::mat<"A", 3, 4> A;
constexpr descent::vec<"t", 3> t;
constexpr descent::vec<"c", 4> c;
constexpr descent::vec<"z", 6> z;

constexpr auto logistic = softplus(-(2_c * y - 1_c) * (dot(w, x) + b));

inline const std::vector<double> cv = fd::random_vector(4, 91, 0.5, 2.0);
inline const std::vector<double> tv = fd::random_vector(3, 92);
inline Eigen::MatrixXd a_data() {
  const auto v = fd::random_vector(12, 93);
  Eigen::MatrixXd m(3, 4);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 4; ++j) m(i, j) = v[static_cast<std::size_t>(i * 4 + j)];
  return m;
}
}  // namespace hessian_symbols

#endif
