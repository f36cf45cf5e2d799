// A 2x3 matrix times a 4-vector.
#include <descent/shaped.hpp>
int main() {
  constexpr descent::mat<"W", 2, 3> W;
  constexpr descent::vec<"x", 4> x;
  auto e = W * x;
  (void)e;
}
