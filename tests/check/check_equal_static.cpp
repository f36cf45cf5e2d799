// check_equal<actual, "expected"> holds for equal texts (compiling is passing); a mismatch
// is a compile error that spells the actual text (fail_check_equal.cpp, CMakeLists.txt).
#include <descent/check/static_string.hpp>
#include <descent/descent.hpp>

namespace {
using namespace descent::literals;
constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;
constexpr auto f = sq(1_c - x) + 100_c * sq(y - sq(x));

static_assert(descent::check_equal<descent::to_string(descent::d(f, y)), "200*(-x^2 + y)">);
static_assert(descent::check_equal<descent::to_string(x), "x">);
static_assert(descent::check_equal<descent::fixed_string("abc"), "abc">);
static_assert(descent::check_equal<descent::fixed_string(""), "">);
// The pieces a failed check is made of: only a mismatch selects the failing comparison.
static_assert(descent::check_detail::text_check<descent::fixed_string("ab"), "ab">::value);
static_assert(!descent::check_detail::text_constant<int>);
}  // namespace
