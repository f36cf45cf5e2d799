// Must not compile: d of a plain number, not a descent expression.
// (tests/diff/CMakeLists.txt checks the compiler's message.)
#include <descent/descent.hpp>

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;

int main() {
  using namespace descent;
  constexpr auto f = sq(x) * y;
  (void)f;
  const auto g = d(3.0, x);
  return static_cast<int>(eval(g, x = 1.0));
}
