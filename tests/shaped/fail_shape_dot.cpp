// dot of a 3-vector and a 4-vector.
#include <descent/shaped.hpp>
int main() {
  constexpr descent::vec<"u", 3> u;
  constexpr descent::vec<"v", 4> v;
  auto e = dot(u, v);
  (void)e;
}
