// What the compiler makes of a generated gradient: descent's Rosenbrock value + gradient
// next to the hand-written one, as two out-of-line functions whose assembly can be read
// side by side (docs/generated-code.md).
//
//   cmake --build build/release --target generated_code.asm
//   less build/release/examples/generated_code/generated_code.s   (search for _gradient)
#include <cmath>
#include <cstdio>

#include <descent/descent.hpp>

using namespace descent::literals;
constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;
constexpr auto rosenbrock = sq(1_c - x) + 100_c * sq(y - sq(x));

// f and its gradient by descent: value_and_grad evaluates the shared subexpressions
// (1 - x, y - x^2) once.
[[gnu::noinline]] double descent_gradient(double X, double Y, double* g) {
  const auto [v, grad] = descent::value_and_grad(rosenbrock, descent::wrt(x, y), x = X, y = Y);
  g[0] = grad[0];
  g[1] = grad[1];
  return v;
}

// The same by hand.
[[gnu::noinline]] double hand_gradient(double X, double Y, double* g) {
  const double a = 1 - X, b = Y - X * X;
  g[0] = -2 * a - 400 * X * b;
  g[1] = 200 * b;
  return a * a + 100 * b * b;
}

int main() {
  double worst = 0;
  for (int i = 0; i < 100; ++i) {
    const double X = -2 + 0.04 * i, Y = 3 - 0.03 * i;
    double g1[2], g2[2];
    const double v1 = descent_gradient(X, Y, g1), v2 = hand_gradient(X, Y, g2);
    worst = std::fmax(worst, std::fabs(v1 - v2) / std::fmax(1, std::fabs(v2)));
    for (int k = 0; k < 2; ++k) worst = std::fmax(worst, std::fabs(g1[k] - g2[k]) / std::fmax(1, std::fabs(g2[k])));
  }
  std::printf("descent vs hand-written Rosenbrock value+gradient at 100 points: worst relative difference %.1e\n", worst);
  return worst < 1e-14 ? 0 : 1;
}
