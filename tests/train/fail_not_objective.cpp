// Must not compile: an int is not an objective.  Expect one readable message.
#include <descent/train/minimize.hpp>

#include <span>
#include <vector>

struct gd {
  void step(std::span<double> x, std::span<const double> g) { x[0] -= g[0]; }
};

int main() {
  std::vector<double> x{1.0};
  gd opt;
  auto f = [](std::span<const double> v) { return v[0] * v[0]; };  // forgot the gradient
  descent::minimize(f, x, opt, descent::max_iterations{10});
}
