// W6_rosenbrock2's batch of points (x0, y0, x1, y1, ...), shared with peers/*.cpp.
#ifndef DESCENT_BENCH_W6_POINTS_HPP
#define DESCENT_BENCH_W6_POINTS_HPP

#include <cstddef>
#include <vector>

#include "problems.hpp"

namespace bench {

inline constexpr std::size_t w6_batch = 1024;

inline std::vector<double> w6_points() {
  std::vector<double> v;
  splitmix g{6};
  for (std::size_t i = 0; i < w6_batch; ++i) {
    v.push_back(g.uniform(-2, 2));
    v.push_back(g.uniform(-1, 3));
  }
  return v;
}

}  // namespace bench

#endif
