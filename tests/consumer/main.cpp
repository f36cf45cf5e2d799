// A user's project: finds descent with find_package and uses the umbrella header.
#include <descent/descent.hpp>
#include <cstdio>

int main() {
  using namespace descent::literals;
  constexpr descent::var<"x"> x;
  constexpr descent::var<"y"> y;
  constexpr auto f = sq(1_c - x) + 100_c * sq(y - sq(x));
  std::printf("consumer: f(1,2) = %g\n", descent::eval(f, x = 1.0, y = 2.0));
}
