// Must not compile: Levenberg-Marquardt given a plain objective (no residuals/Jacobian).
#include <descent/second_order/levenberg_marquardt.hpp>

#include <span>
#include <vector>

int main() {
  auto f = [](std::span<const double> x, std::span<double> g) {
    g[0] = 2 * x[0];
    return x[0] * x[0];
  };
  std::vector<double> x{1.0}, g{2.0};
  double loss = 1.0;
  descent::levenberg_marquardt lm;
  lm.step(f, std::span<double>(x), loss, std::span<double>(g));
}
