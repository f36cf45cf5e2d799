// segment<2, 3> of a 4-vector runs past its end.
#include <descent/shaped.hpp>
int main() {
  constexpr descent::vec<"x", 4> x;
  auto e = descent::segment<2, 3>(x);
  (void)e;
}
