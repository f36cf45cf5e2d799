// Deep and swollen expressions: evaluation walks the DAG in a flat loop (no run-time
// recursion), and the 8th derivative of sin(x) exp(x) cos(x^2) is evaluated over its few
// distinct nodes.
//
// A Horner chain ((c0 x + c1) x + c2) x ... of N steps is a tree of depth 2N.  Before tall
// operator results built their DAGs eagerly (node/dag.hpp) evaluating it stopped on the
// compilers' instantiation depth at N = 250 with g++ (900) and N = 200 with clang (1024);
// depth_limit_test.cpp pins N = 250.  The compile-bench's chain of 500 steps compiles too
// (docs/performance.md, "Compile time"), too slowly for a test.
#include <array>
#include <cmath>
#include <utility>

#include <boost/test/unit_test.hpp>

#include <descent/descent.hpp>

#include "horner.hpp"

namespace {

using namespace descent::literals;
using descent::d;
using descent::eval;
using horner_test::horner_chain;
using horner_test::horner_reference;
using horner_test::x;

BOOST_AUTO_TEST_CASE(deep_horner_chain) {
  constexpr std::size_t n = 64;
  const auto e = horner_chain(std::make_index_sequence<n>{});
  // a tree of depth 2n: product(x, sum(c, product(x, sum(...))))
  BOOST_TEST(descent::tree_size(e) == 4 * n + 1);
  BOOST_TEST(descent::dag_size(e) == 2 * n + 1);
  for (double t : {-1.5, -0.5, 0.0, 0.5, 0.9})
    BOOST_TEST(eval(e, x = t) == horner_reference(n, t), boost::test_tools::tolerance(1e-13));
}

BOOST_AUTO_TEST_CASE(derivative_of_a_deep_chain) {
  // Derivatives of deep chains cost far more compile time than their values (N = 64: 9 s
  // with g++, 16 s with clang), so a shorter chain here.
  constexpr std::size_t n = 12;
  const auto e = horner_chain(std::make_index_sequence<n>{});
  for (double t : {-0.7, 0.4, 1.1}) {
    const double h = 1e-5;
    const double fd = (horner_reference(n, t + h) - horner_reference(n, t - h)) / (2 * h);
    BOOST_TEST(eval(d(e, x), x = t) == fd, boost::test_tools::tolerance(1e-8));
  }
}

// f = sin(x) exp(x) cos(x^2); the reference value of its 8th derivative at x = 1.3 was
// computed with sympy (exact differentiation, 20 digits).
BOOST_AUTO_TEST_CASE(eighth_derivative) {
  using namespace descent;
  constexpr auto f = sin(x) * exp(x) * cos(x * x);
  constexpr auto d8 = d(f, x, x, x, x, x, x, x, x);
  BOOST_TEST(eval(d8, x = 1.3) == -396721.59385001013288, boost::test_tools::tolerance(1e-13));
  // Sizes, pinned: the printed tree is small thanks to collected like terms, and only a few
  // dozen distinct nodes are evaluated (the DAG; variables included).
  static_assert(descent::tree_size(f) == 9);
  static_assert(descent::dag_size(f) == 6);
  BOOST_TEST(descent::tree_size(d8) == 286u);
  BOOST_TEST(descent::dag_size(d8) == 37u);
  // lower orders against finite differences of the next lower one
  const auto d7 = d(f, x, x, x, x, x, x, x);
  const double h = 1e-6;
  const double fd = (eval(d7, x = 1.3 + h) - eval(d7, x = 1.3 - h)) / (2 * h);
  BOOST_TEST(eval(d8, x = 1.3) == fd, boost::test_tools::tolerance(1e-7));
}

}  // namespace
