// check_gradient with something that is not an expression: the message names check_gradient.
#include <descent/check/gradient.hpp>

int main() {
  constexpr descent::var<"x"> x;
  const auto r = descent::check_gradient([](double v) { return v; }, descent::wrt(x), x = 1.0);
  (void)r;
}
