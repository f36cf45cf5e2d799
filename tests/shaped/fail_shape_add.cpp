// Adding a 3-vector and a 4-vector: one static_assert naming the operation and both shapes.
#include <descent/shaped.hpp>
int main() {
  constexpr descent::vec<"u", 3> u;
  constexpr descent::vec<"v", 4> v;
  auto e = u + v;
  (void)e;
}
