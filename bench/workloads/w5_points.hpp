// W5's batch of points, shared by its rows in w5_eighth_derivative.cpp and peers/*.cpp.
#ifndef DESCENT_BENCH_W5_POINTS_HPP
#define DESCENT_BENCH_W5_POINTS_HPP

#include <cstddef>
#include <vector>

namespace bench {

inline constexpr std::size_t w5_batch = 1024;

inline std::vector<double> w5_points() {
  std::vector<double> v(w5_batch);
  for (std::size_t i = 0; i < w5_batch; ++i) v[i] = -1 + 2 * static_cast<double>(i) / static_cast<double>(w5_batch);
  return v;
}

}  // namespace bench

#endif
