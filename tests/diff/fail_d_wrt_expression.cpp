// Must not compile: d with respect to an expression (x^2), not a variable.
// (tests/diff/CMakeLists.txt checks the compiler's message.)
#include <descent/descent.hpp>

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;

int main() {
  using namespace descent;
  constexpr auto f = sq(x) * y;
  const auto g = d(f, sq(x));
  return static_cast<int>(eval(g, x = 1.0, y = 1.0));
}
