// vec<"w", 3> against the same model written with three scalar variables: identical values
// and gradients (to 1e-14), through the scalar language's objective and the shaped one.
#include <descent/shaped.hpp>

#include "fd_support.hpp"

using namespace descent::literals;

namespace {
constexpr descent::vec<"w", 3> w;
constexpr descent::vec<"x", 3> x;
constexpr descent::var<"w0"> w0;
constexpr descent::var<"w1"> w1;
constexpr descent::var<"w2"> w2;
constexpr descent::var<"x0"> x0;
constexpr descent::var<"x1"> x1;
constexpr descent::var<"x2"> x2;
constexpr descent::var<"b"> b;
constexpr descent::var<"y"> y;
}  // namespace

BOOST_AUTO_TEST_CASE(logistic_regression_vector_vs_scalars) {
  const std::size_t n = 97;
  descent::data::matrix<double> X(n, 3);
  const auto v = fd::random_vector(3 * n, 8, -3, 3);
  std::copy(v.begin(), v.end(), X.values.begin());
  std::vector<double> c0(n), c1(n), c2(n), Y(n);
  for (std::size_t i = 0; i < n; ++i) { c0[i] = X(i, 0); c1[i] = X(i, 1); c2[i] = X(i, 2); Y[i] = i % 3 == 0; }

  constexpr auto shaped_loss = softplus(-(2_c * y - 1_c) * (dot(w, x) + b));
  constexpr auto scalar_loss = softplus(-(2_c * y - 1_c) * (w0 * x0 + w1 * x1 + w2 * x2 + b));
  const auto vec_obj = descent::make_objective(descent::sum_over_samples(shaped_loss), descent::wrt(w, b), x = X, y = Y);
  const auto sca_obj = descent::make_objective(scalar_loss, descent::wrt(w0, w1, w2, b), x0 = c0, x1 = c1, x2 = c2, y = Y);
  for (unsigned k = 0; k < 5; ++k) {
    const auto p = fd::random_vector(4, 40 + k, -2, 2);
    std::vector<double> g1(4), g2(4);
    const double f1 = vec_obj(std::span<const double>(p), std::span<double>(g1));
    const double f2 = sca_obj(std::span<const double>(p), std::span<double>(g2));
    BOOST_TEST(f1 == f2, boost::test_tools::tolerance(1e-14));
    for (int i = 0; i < 4; ++i) BOOST_TEST(g1[i] == g2[i], boost::test_tools::tolerance(1e-14));
    std::vector<double> h1(16), h2(16);
    vec_obj.hessian(std::span<const double>(p), std::span<double>(h1));
    sca_obj.hessian(std::span<const double>(p), std::span<double>(h2));
    for (int i = 0; i < 16; ++i) BOOST_TEST(h1[i] == h2[i], boost::test_tools::tolerance(1e-13));
  }
}

BOOST_AUTO_TEST_CASE(tanh_layer_vector_vs_scalars) {
  constexpr descent::mat<"A", 2, 3> A;
  constexpr descent::var<"a00"> a00; constexpr descent::var<"a01"> a01; constexpr descent::var<"a02"> a02;
  constexpr descent::var<"a10"> a10; constexpr descent::var<"a11"> a11; constexpr descent::var<"a12"> a12;
  constexpr auto shaped_f = sum(tanh(A * w)) + sq_norm(w);
  constexpr auto scalar_f = tanh(a00 * w0 + a01 * w1 + a02 * w2) + tanh(a10 * w0 + a11 * w1 + a12 * w2) +
                            sq(w0) + sq(w1) + sq(w2);
  const auto s_obj = descent::make_objective(shaped_f, descent::wrt(A, w));
  const auto c_obj = descent::make_objective(scalar_f, descent::wrt(a00, a01, a02, a10, a11, a12, w0, w1, w2));
  const auto p = fd::random_vector(9, 3);
  std::vector<double> g1(9), g2(9);
  BOOST_TEST(s_obj(std::span<const double>(p), std::span<double>(g1)) ==
             c_obj(std::span<const double>(p), std::span<double>(g2)), boost::test_tools::tolerance(1e-14));
  for (int i = 0; i < 9; ++i) BOOST_TEST(g1[i] == g2[i], boost::test_tools::tolerance(1e-14));
}
