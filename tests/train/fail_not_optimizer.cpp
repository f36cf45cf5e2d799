// Must not compile: the "optimizer" has no step(params, grads).
#include <descent/train/minimize.hpp>

#include <span>
#include <vector>

struct not_an_optimizer {
  void update(std::span<double>) {}
};

int main() {
  std::vector<double> x{1.0};
  not_an_optimizer opt;
  auto f = [](std::span<const double> v, std::span<double> g) {
    g[0] = 2 * v[0];
    return v[0] * v[0];
  };
  descent::minimize(f, x, opt, descent::max_iterations{10});
}
