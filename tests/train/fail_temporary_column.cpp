// A data column binds by reference: binding a temporary vector would dangle, so it is refused.
#include <descent/descent.hpp>
#include <vector>

int main() {
  constexpr descent::var<"x"> x;
  auto column = (x = std::vector<double>{1.0, 2.0});
  return static_cast<int>(column.values.size());
}
