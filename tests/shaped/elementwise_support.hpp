// tests/shaped/elementwise_support.hpp: the symbols and checks shared by the elementwise
// derivative tests (derivatives_functions.cpp, derivatives_logarithms.cpp,
// derivatives_trigonometric.cpp, derivatives_tangent.cpp, derivatives_activations.cpp,
// derivatives_elementwise.cpp and the derivatives_arithmetic*.cpp): the objective is a
// dot product with fixed random weights c, so every entry's derivative counts.
#ifndef DESCENT_TESTS_SHAPED_ELEMENTWISE_SUPPORT_HPP
#define DESCENT_TESTS_SHAPED_ELEMENTWISE_SUPPORT_HPP

#include <descent/shaped.hpp>
#include <descent/shaped/build.hpp>
#include <descent/shaped/node.hpp>
#include <descent/shaped/operators.hpp>
#include <descent/shaped/vjp.hpp>
#include <descent/shaped/jvp.hpp>

#include "fd_support.hpp"

namespace elementwise {
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
}  // namespace elementwise

#endif
