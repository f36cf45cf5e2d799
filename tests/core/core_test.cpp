// descent/core: compile-time strings, exact rationals, structural hashes, type lists, the
// one Euclidean norm and formatted exceptions.  The static_asserts are checked by compiling;
// norm2 and the exceptions at run time.
#include <descent/core/error.hpp>
#include <descent/core/fixed_string.hpp>
#include <descent/core/hash.hpp>
#include <descent/core/norm.hpp>
#include <descent/core/rational.hpp>
#include <descent/core/type_list.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace {
using namespace descent::detail;

// fixed_string: N counts characters, view() gives them back.
constexpr descent::fixed_string name{"weight"};
static_assert(name.size() == 6 && name.view() == "weight" && name[0] == 'w');

// rational: lowest terms, positive denominator, exact arithmetic and order.
static_assert(rational{2, 4} == rational{1, 2});
static_assert(rational{1, -3} == rational{-1, 3});
static_assert(rational{1, 2} + rational{1, 3} == rational{5, 6});
static_assert(rational{2, 3} * rational{3, 4} == rational{1, 2});
static_assert(rational{1, 2} / rational{1, 4} == rational{2});
static_assert(rational{-1, 2} < rational{1, 3} && !(rational{1, 3} < rational{-1, 2}));
static_assert(pow(rational{2, 3}, 3) == rational{8, 27} && pow(rational{2}, -2) == rational{1, 4});
static_assert(exact_root(27, 3) == 3 && exact_root(2, 2) < 0);
static_assert(rational{4, 1}.is_integer() && rational{0}.is_zero() && rational{3, 3}.is_one());

// hash: deterministic, sensitive to order and content.
static_assert(hash_string("x") == hash_string("x") && hash_string("x") != hash_string("y"));
static_assert(mix(1, 2) != mix(2, 1));

// type lists: concatenation, position, union without duplicates (first occurrence kept).
static_assert(std::is_same_v<concat_t<type_list<int>, type_list<>, type_list<char, int>>,
                             type_list<int, char, int>>);
static_assert(std::is_same_v<pack_at<1, int, char, long>, char>);
static_assert(index_of_v<long, type_list<int, char, long>> == 2);
static_assert(std::is_same_v<union_t<type_list<int, char>, type_list<char, long, int>>,
                             type_list<int, char, long>>);
static_assert(std::is_same_v<union_all_t<type_list<int>, type_list<int, char>, type_list<char>>,
                             type_list<int, char>>);
static_assert(in_set_v<char, set_of<int, char>> && !in_set_v<long, set_of<int, char>>);
}  // namespace

BOOST_AUTO_TEST_SUITE(core)

// Distinct types have distinct ids.  Checked at run time: under AddressSanitizer g++ does not
// treat the comparison of two variables' addresses as a constant expression.
BOOST_AUTO_TEST_CASE(type_ids_are_distinct) {
  BOOST_TEST((id_of<int> != id_of<char>));
  BOOST_TEST((id_of<int> == id_of<int>));
}

BOOST_AUTO_TEST_CASE(norm2_matches_the_definition_for_every_remainder_of_four) {
  for (std::size_t n = 0; n <= 9; ++n) {
    std::vector<double> v(n);
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) {
      v[i] = 0.5 * static_cast<double>(i) - 1.25;
      s += v[i] * v[i];
    }
    BOOST_TEST(norm2(std::span<const double>(v)) == std::sqrt(s), boost::test_tools::tolerance(1e-15));
  }
}

BOOST_AUTO_TEST_CASE(norm2_of_float_accumulates_in_double) {
  // Each square overflows float; the norm, 3e30 * sqrt(2), does not overflow double.
  const std::vector<float> v{3e30f, 3e30f};
  const double n = norm2(std::span<const float>(v));
  BOOST_TEST(std::isfinite(n));
  BOOST_TEST(n == 3e30 * std::sqrt(2.0), boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(norm2_is_not_finite_with_a_nan_entry) {
  const std::vector<double> v{1.0, std::numeric_limits<double>::quiet_NaN(), 2.0, 3.0, 4.0};
  BOOST_TEST(!std::isfinite(norm2(std::span<const double>(v))));
}

BOOST_AUTO_TEST_CASE(formatted_exceptions_carry_their_message) {
  const std::string_view name = "x";
  try {
    throw_invalid_argument("descent: '%.*s' has %zu rows, %s", len(name), name.data(), std::size_t{3}, "expected 4");
    BOOST_FAIL("no exception");
  } catch (const std::invalid_argument& e) {
    BOOST_TEST(std::string(e.what()) == "descent: 'x' has 3 rows, expected 4");
  }
  try {
    throw_out_of_range("descent: row %zu of %zu", std::size_t{7}, std::size_t{5});
    BOOST_FAIL("no exception");
  } catch (const std::out_of_range& e) {
    BOOST_TEST(std::string(e.what()) == "descent: row 7 of 5");
  }
  // long messages are cut, not overrun
  const std::string long_name(3000, 'a');
  try {
    throw_invalid_argument("%s", long_name.c_str());
  } catch (const std::invalid_argument& e) {
    BOOST_TEST(std::string(e.what()) == long_name.substr(0, 1023));
  }
}

BOOST_AUTO_TEST_SUITE_END()
