// The flagship example: Rosenbrock's function, its derivatives generated at compile time,
// printed, evaluated, checked, and minimised by plain gradient descent.
//
//   scripts/example                 (build + run, optimised)
//   cmake --build build/release --target rosenbrock.asm   (its annotated assembly)
#include <descent/descent.hpp>

#include <array>
#include <cstdio>
#include <string>

using namespace descent::literals;

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;

// f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1).
constexpr auto f = sq(1_c - x) + 100_c * sq(y - sq(x));
constexpr auto df_dx = descent::d(f, x);  // a new expression type, already simplified

// The compiler checks the derivative: this line fails to compile if it were wrong.
static_assert(descent::to_string(descent::d(f, y)) == "200*(-x^2 + y)");
// Polynomials evaluate at compile time too.
static_assert(descent::eval(f, x = 1.0, y = 1.0) == 0.0);

int main() {
  const auto g = descent::grad(f, descent::wrt(x, y));
  const auto H = descent::hessian(f, descent::wrt(x, y));

  std::printf("f        = %s\n", std::string(descent::to_string(f)).c_str());
  std::printf("df/dx    = %s\n", std::string(descent::to_string(df_dx)).c_str());
  std::printf("grad f   = %s\n", std::string(descent::to_string(g)).c_str());
  std::printf("hess f   = %s\n", std::string(descent::to_string(H)).c_str());
  std::printf("LaTeX    : f = %s\n", std::string(descent::to_latex(f)).c_str());
  std::printf("           \\nabla f = %s\n", std::string(descent::to_latex(g)).c_str());
  std::printf("           \\nabla^2 f = %s\n", std::string(descent::to_latex(H)).c_str());
  std::printf("sizes    : f has %llu tree nodes; df/dx %llu (%zu distinct)\n", descent::tree_size(f),
              descent::tree_size(df_dx), descent::dag_size(df_dx));

  // Evaluate at the classic start point (-1.2, 1): value and gradient in one pass.
  const auto [value, gradient] = descent::value_and_grad(f, descent::wrt(x, y), x = -1.2, y = 1.0);
  const auto hess = descent::eval(H, x = -1.2, y = 1.0);
  std::printf("at (-1.2, 1): f = %.6g, grad = (%.6g, %.6g), hess = [[%.6g, %.6g], [%.6g, %.6g]]\n", value,
              gradient[0], gradient[1], hess[0][0], hess[0][1], hess[1][0], hess[1][1]);

  // Symbolic gradient vs central finite differences.
  const auto check = descent::check_gradient(f, descent::wrt(x, y), x = -1.2, y = 1.0);
  std::printf("gradient check: worst relative error %.2e (at %s)\n", check.max_error,
              std::string(check.variable).c_str());

  // Plain gradient descent to the minimum.
  std::array<double, 2> p{-1.2, 1.0};
  auto gd = descent::optim::sgd({.learning_rate = 1.5e-3});
  const auto result = descent::minimize(f, descent::wrt(x, y), p, gd,
                                        descent::max_iterations{200000} || descent::gradient_norm_below{1e-8});
  std::printf("gradient descent: %zu iterations, f = %.3e at (%.8f, %.8f), |grad| = %.1e (%s)\n",
              result.iterations, static_cast<double>(result.loss), p[0], p[1],
              static_cast<double>(result.grad_norm), result.message.c_str());
  return (std::abs(p[0] - 1) < 1e-6 && std::abs(p[1] - 1) < 1e-6) ? 0 : 1;
}
