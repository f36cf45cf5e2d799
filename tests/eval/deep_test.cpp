// Deep and swollen expressions: evaluation walks the DAG in a flat loop (no run-time
// recursion), and the 8th derivative of sin(x) exp(x) cos(x^2) is evaluated over its few
// distinct nodes.
//
// Compile-time limits measured with g++ 12 / clang 14 (see the report in the commit log):
// a Horner chain ((c0 x + c1) x + c2) x ... of N steps is a tree of depth 2N; evaluating it
// compiles up to N = 200 with g++ (depth 400; N = 250 exceeds g++'s template depth 900) and
// up to N = 150 with clang (N = 200 exceeds clang's depth 1024), in 10-15 s at N = 150, so
// a chain of 500 nested operations does not compile.  Here N = 64 (about 2 s).
#include <array>
#include <cmath>
#include <utility>

#include <boost/test/unit_test.hpp>

#include <descent/descent.hpp>

namespace {

using namespace descent::literals;
using descent::d;
using descent::eval;

constexpr descent::var<"x"> x;

// (e, c) -> e * x + c, as a binary operator so that a fold over an index_sequence builds the
// whole chain without recursion in the test itself.
template <class E>
struct horner {
  E e;
};
template <class E>
horner(E) -> horner<E>;
struct coefficient {
  double c;
};
template <class E>
constexpr auto operator|(const horner<E>& h, coefficient c) {
  return horner{h.e * x + c.c};
}
constexpr double coef(std::size_t i) { return 1.0 / (1.0 + static_cast<double>(i)); }

template <std::size_t... I>
constexpr auto horner_chain(std::index_sequence<I...>) {
  return (horner<descent::var<"x">>{x} | ... | coefficient{coef(I)}).e;
}

double horner_reference(std::size_t n, double t) {
  double r = t;
  for (std::size_t i = 0; i < n; ++i) r = r * t + coef(i);
  return r;
}

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
