// Must not compile: the variable yy bound twice.
// (tests/eval/CMakeLists.txt checks the compiler's message.)
#include <descent/descent.hpp>

constexpr descent::var<"x"> x;
constexpr descent::var<"yy"> yy;

int main() {
  using namespace descent;
  constexpr auto f = sq(x) + sin(yy);
  return static_cast<int>(eval(f, yy = 1.0, x = 2.0, yy = 3.0));
}
