// Must not compile: grad(f, x) instead of grad(f, wrt(x)).
// (tests/diff/CMakeLists.txt checks the compiler's message.)
#include <descent/descent.hpp>

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;

int main() {
  using namespace descent;
  constexpr auto f = sq(x) * y;
  const auto g = grad(f, x);
  return static_cast<int>(eval(g, x = 1.0, y = 1.0)[0]);
}
