// Must not compile: a plain number where a binding (x = 1.0) is expected.
// (tests/eval/CMakeLists.txt checks the compiler's message.)
#include <descent/descent.hpp>

constexpr descent::var<"x"> x;
constexpr descent::var<"yy"> yy;

int main() {
  using namespace descent;
  constexpr auto f = sq(x) + sin(yy);
  return static_cast<int>(eval(f, x = 1.0, 2.0));
}
