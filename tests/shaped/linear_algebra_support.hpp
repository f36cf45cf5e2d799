// tests/shaped/linear_algebra_support.hpp: the symbols and check shared by the derivative tests of
// matrix products, reductions, slices and the softmax family (derivatives_products.cpp,
// derivatives_matrix_matrix.cpp, derivatives_outer_and_transposes.cpp,
// derivatives_linear_algebra.cpp, derivatives_softmax.cpp).
#ifndef DESCENT_TESTS_SHAPED_LINEAR_ALGEBRA_SUPPORT_HPP
#define DESCENT_TESTS_SHAPED_LINEAR_ALGEBRA_SUPPORT_HPP

#include <descent/shaped.hpp>
#include <descent/shaped/operators.hpp>
#include <descent/shaped/vjp.hpp>
#include <descent/shaped/jvp.hpp>

#include "fd_support.hpp"

namespace linear_algebra {
constexpr descent::mat<"A", 3, 4> A;
constexpr descent::mat<"B", 4, 2> B;
constexpr descent::vec<"x", 4> x;
constexpr descent::vec<"y", 3> y;
constexpr descent::vec<"z", 6> z;
constexpr descent::mat<"C", 3, 2> C;
constexpr descent::var<"label"> label;
const std::vector<double> c32 = fd::random_vector(6, 7);

template <class Obj>
void check(const Obj& obj, unsigned seed) {
  fd::check(obj, Obj::dimension, seed);
}
}  // namespace linear_algebra

#endif
