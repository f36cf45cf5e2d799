// Must not compile: eval of an expression using yy, without a binding for yy.
// (tests/eval/CMakeLists.txt checks the compiler's message.)
#include <descent/descent.hpp>

constexpr descent::var<"x"> x;
constexpr descent::var<"yy"> yy;

int main() {
  using namespace descent;
  constexpr auto f = sq(x) + sin(yy);
  return static_cast<int>(eval(f, x = 1.0));
}
