// Must not compile: Newton given an objective without f.hessian(x, h).
#include <descent/second_order/newton.hpp>

#include <span>
#include <vector>

int main() {
  auto f = [](std::span<const double> x, std::span<double> g) {
    g[0] = 2 * x[0];
    return x[0] * x[0];
  };
  std::vector<double> x{1.0}, g{2.0};
  double loss = 1.0;
  descent::newton newton;
  newton.step(f, std::span<double>(x), loss, std::span<double>(g));
}
