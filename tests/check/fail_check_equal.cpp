// Must not compile: the derivative prints as "200*(-x^2 + y)", not "200*(y - x^2)".
// (tests/check/CMakeLists.txt checks that the first error spells the actual text.)
#include <descent/check/static_string.hpp>
#include <descent/descent.hpp>

using namespace descent::literals;
constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;
constexpr auto f = sq(1_c - x) + 100_c * sq(y - sq(x));

static_assert(descent::check_equal<descent::to_string(descent::d(f, y)), "200*(y - x^2)">);

int main() {}
