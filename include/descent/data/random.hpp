#ifndef DESCENT_DATA_RANDOM_HPP
#define DESCENT_DATA_RANDOM_HPP

// Seeded random numbers that are the same on every compiler and standard library.
// std::uniform_int_distribution, std::normal_distribution and std::shuffle are
// implementation-defined (libstdc++ and libc++ give different sequences), so descent draws
// from its own: the splitmix64 generator (Steele, Lea, Flood, OOPSLA 2014; 64-bit state,
// passes BigCrush), unbiased bounded integers by rejection, 53-bit uniform doubles and
// Box-Muller normals.  The integer and uniform draws are bit-identical everywhere; normals
// also depend on std::log / std::sin / std::cos, identical wherever the math library is
// (glibc here, for g++ and clang alike).

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numbers>

namespace descent::data {

class splitmix64 {
 public:
  using result_type = std::uint64_t;
  explicit constexpr splitmix64(std::uint64_t seed = 0) noexcept : state_(seed) {}
  static constexpr result_type min() noexcept { return 0; }
  static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }
  constexpr result_type operator()() noexcept {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  constexpr std::uint64_t state() const noexcept { return state_; }  // for checkpoints

 private:
  std::uint64_t state_;
};

// A seed for stream `stream` (an epoch, a layer) of a run seeded with `seed`: distinct
// streams are decorrelated, and stream k never depends on having drawn streams 0..k-1.
constexpr std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t stream) noexcept {
  splitmix64 g(seed ^ (stream * 0xd1342543de82ef95ULL + 0x2545f4914f6cdd1dULL));
  return g();
}

// Uniform integer in [0, bound), bound > 0, without modulo bias (rejection).
constexpr std::uint64_t uniform_below(splitmix64& g, std::uint64_t bound) noexcept {
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t limit = max - max % bound;
  for (;;) {
    const std::uint64_t r = g();
    if (r < limit) return r % bound;
  }
}

// Uniform double in [0, 1): the top 53 bits of one draw.
constexpr double uniform01(splitmix64& g) noexcept {
  return static_cast<double>(g() >> 11) * 0x1.0p-53;
}

// Standard normal pairs by Box-Muller: z0 = r cos(t), z1 = r sin(t) with r = sqrt(-2 ln u1),
// t = 2 pi u2, u1 in (0, 1], u2 in [0, 1).  Draws two uniforms per pair.
struct normal_pair {
  double first, second;
};
inline normal_pair standard_normal_pair(splitmix64& g) noexcept {
  const double u1 = 1.0 - uniform01(g);  // (0, 1]: log(u1) is finite
  const double u2 = uniform01(g);
  const double r = std::sqrt(-2.0 * std::log(u1));
  const double t = 2.0 * std::numbers::pi * u2;
  return {r * std::cos(t), r * std::sin(t)};
}

}  // namespace descent::data

#endif
