// What docs/second_order.md's snippets assume: an objective f and its parameters x.
#include <span>
#include <vector>

inline auto f = [](std::span<const double> x, std::span<double> g) {
  const double a = 1 - x[0], b = x[1] - x[0] * x[0];
  g[0] = -2 * a - 400 * x[0] * b;
  g[1] = 200 * b;
  return a * a + 100 * b * b;
};
inline std::vector<double> x{-1.2, 1.0};
