// What docs/training.md's snippets assume: an objective f, parameters x, a first-order
// optimizer (my_gd, the user's own), a stopping rule and an iteration counter.
#include <cstddef>
#include <span>
#include <vector>

#include <descent/train.hpp>

struct my_gd {  // anything with opt.step(params, grads)
  double lr = 0.1;
  template <class T>
  void step(std::span<T> x, std::span<const T> g) {
    for (std::size_t i = 0; i < x.size(); ++i) x[i] -= static_cast<T>(lr) * g[i];
  }
  template <class A>
  void serialize(A&) {}
};
inline auto f = [](std::span<const double> x, std::span<double> g) {
  g[0] = 2 * x[0];
  g[1] = 2 * x[1];
  return x[0] * x[0] + x[1] * x[1];
};
inline std::vector<double> x{1.0, 2.0};
inline my_gd opt{};
inline auto stop = descent::max_iterations{100};
inline std::size_t iteration = 0;
