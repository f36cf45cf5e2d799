// Every elementwise operation of vector expressions: gradients and Hessian-vector products
// against central differences at random points (the objective is a dot product with fixed
// random weights c, so every entry's derivative counts).
#include <descent/shaped.hpp>
#include <descent/shaped/build.hpp>
#include <descent/shaped/node.hpp>
#include <descent/shaped/operators.hpp>
#include <descent/shaped/vjp.hpp>
#include <descent/shaped/jvp.hpp>

#include "fd_support.hpp"

using namespace descent::literals;

namespace {
constexpr descent::vec<"u", 5> u;
constexpr descent::vec<"v", 5> v;
constexpr descent::vec<"c", 5> c;
constexpr descent::var<"s"> s;
const std::vector<double> weights = fd::random_vector(5, 99);

template <class E>
void check_unary(const E& e, unsigned seed, double lo = -1.0, double hi = 1.0) {
  const auto obj = descent::make_objective(dot(c, e), descent::wrt(u), c = weights);
  fd::check(obj, 5, seed, lo, hi);
}
template <class E>
void check_binary(const E& e, unsigned seed, double lo = -1.0, double hi = 1.0) {
  const auto obj = descent::make_objective(dot(c, e), descent::wrt(u, v, s), c = weights);
  fd::check(obj, 11, seed, lo, hi);
}
}  // namespace

BOOST_AUTO_TEST_CASE(functions_elementwise) {
  check_unary(exp(u), 1);
  check_unary(log(u), 2, 0.5, 2.0);
  check_unary(log1p(u), 3, 0.0, 2.0);
  check_unary(expm1(u), 4);
  check_unary(sin(u), 5);
  check_unary(cos(u), 6);
  check_unary(tan(u), 7);
  check_unary(tanh(u), 8);
  check_unary(sigmoid(u), 9);
  check_unary(softplus(u), 10);
  check_unary(abs(u), 11, 0.1, 1.0);
  check_unary(relu(u), 12, 0.1, 1.0);
  check_unary(relu(u), 13, -1.0, -0.1);
}

BOOST_AUTO_TEST_CASE(powers_elementwise) {
  check_unary(sq(u), 20);
  check_unary(sqrt(u), 21, 0.5, 2.0);
  check_unary(pow(u, 3_c), 22);
  check_unary(pow(u, -1_c), 23, 0.5, 2.0);
  check_unary(pow(u, 3_c / 2_c), 24, 0.5, 2.0);
}

BOOST_AUTO_TEST_CASE(arithmetic_with_broadcasting) {
  check_binary(u + v, 30);
  check_binary(u - v, 31);
  check_binary(hadamard(u, v), 32);
  check_binary(u / v, 33, 0.5, 2.0);
  check_binary(s * u, 34);
  check_binary(u * s - v, 35);
  check_binary(s + u, 36);
  check_binary(u - s, 37);
  check_binary(s / v, 38, 0.5, 2.0);
  check_binary(u / s, 39, 0.5, 2.0);
  check_binary(-u + 2.5 * v, 40);
  check_binary(exp(s * u) / (1_c + sq(v)), 41);
}

BOOST_AUTO_TEST_CASE(sign_and_step_have_zero_derivative) {
  const auto obj = descent::make_objective(dot(c, sign(u)) + dot(c, step(u)), descent::wrt(u), c = weights);
  std::vector<double> x = fd::random_vector(5, 50, 0.1, 1.0), g(5, 1.0);
  obj(std::span<const double>(x), std::span<double>(g));
  for (double gi : g) BOOST_TEST(gi == 0.0);
}
