// A data symbol that is neither in wrt(...) nor bound: the error spells its name.
#include <descent/shaped.hpp>
int main() {
  constexpr descent::vec<"w", 3> w;
  constexpr descent::vec<"x", 3> x;
  auto obj = descent::make_objective(dot(w, x), descent::wrt(w));
  (void)obj;
}
