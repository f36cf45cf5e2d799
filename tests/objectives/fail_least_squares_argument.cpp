// make_least_squares with an argument after wrt(...) that is neither a binding nor a data
// column: the message names make_least_squares.
#include <descent/expr/operators.hpp>
#include <descent/objectives/least_squares.hpp>

int main() {
  constexpr descent::var<"m"> m;
  constexpr descent::var<"x"> x;
  auto obj = descent::make_least_squares(m * x, descent::wrt(m), 3.0);
  (void)obj;
}
