// Must not compile: value_and_grad where yy, used by f, has no binding.
// (tests/eval/CMakeLists.txt checks the compiler's message.)
#include <descent/descent.hpp>

constexpr descent::var<"x"> x;
constexpr descent::var<"yy"> yy;

int main() {
  using namespace descent;
  constexpr auto f = sq(x) + sin(yy);
  return static_cast<int>(value_and_grad(f, wrt(x), x = 1.0).value);
}
