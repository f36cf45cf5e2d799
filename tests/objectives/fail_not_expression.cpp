// make_objective with something that is not an expression: the message names
// make_objective (the function called), not grad/hessian.
#include <descent/objectives/expression.hpp>

int main() {
  constexpr descent::var<"x"> x;
  const auto f = [](double v) { return v * v; };
  auto obj = descent::make_objective(f, descent::wrt(x));
  (void)obj;
}
