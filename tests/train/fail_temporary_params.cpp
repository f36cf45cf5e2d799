// Must not compile: minimising a temporary vector would lose the result.
#include <descent/train/minimize.hpp>

#include <span>
#include <vector>

struct gd {
  void step(std::span<double> x, std::span<const double> g) { x[0] -= g[0]; }
};

int main() {
  gd opt;
  auto f = [](std::span<const double> v, std::span<double> g) {
    g[0] = 2 * v[0];
    return v[0] * v[0];
  };
  descent::minimize(f, std::vector<double>{1.0}, opt, descent::max_iterations{10});
}
