#ifndef DESCENT_MODELS_INIT_HPP
#define DESCENT_MODELS_INIT_HPP

// Seeded weight initialisation for a layer with fan_in inputs and fan_out outputs (a weight
// matrix of fan_in * fan_out values, any layout):
//   xavier_uniform  U(-a, a), a = sqrt(6 / (fan_in + fan_out))   Glorot & Bengio, AISTATS 2010
//   xavier_normal   N(0, 2 / (fan_in + fan_out))
//   he_uniform      U(-a, a), a = sqrt(6 / fan_in)               He et al., ICCV 2015 (ReLU)
//   he_normal       N(0, 2 / fan_in)
// (torch.nn.init's xavier_*_ with gain 1 and kaiming_*_ with a = 0, fan_in mode; normals not
// truncated).  The draws come from splitmix64 (descent/data/random.hpp) with Box-Muller
// normals, not <random>'s distributions, so a seed gives the same weights with libstdc++ and
// libc++.  Call with a seed, or with a generator to draw several layers from one stream.

#include <descent/core/error.hpp>
#include <descent/data/random.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>

namespace descent::models {

struct fans {
  std::size_t in = 0, out = 0;
};

namespace detail {

enum class init_kind { xavier_uniform, xavier_normal, he_uniform, he_normal };

constexpr const char* init_name(init_kind k) noexcept {
  switch (k) {
    case init_kind::xavier_uniform: return "xavier_uniform";
    case init_kind::xavier_normal: return "xavier_normal";
    case init_kind::he_uniform: return "he_uniform";
    case init_kind::he_normal: return "he_normal";
  }
  return "";
}

template <init_kind K, class T>
void fill(std::span<T> w, fans f, data::splitmix64& g) {
  if (f.in == 0 || f.out == 0)
    descent::detail::throw_invalid_argument("descent::models::%s: fans {.in = %zu, .out = %zu} must both be positive",
                                            init_name(K), f.in, f.out);
  if (w.size() != f.in * f.out)
    descent::detail::throw_invalid_argument("descent::models::%s: %zu weights, but fans {.in = %zu, .out = %zu} make %zu",
                                            init_name(K), w.size(), f.in, f.out, f.in * f.out);
  const double fan = K == init_kind::he_uniform || K == init_kind::he_normal
                         ? static_cast<double>(f.in)
                         : static_cast<double>(f.in + f.out);
  if constexpr (K == init_kind::xavier_uniform || K == init_kind::he_uniform) {
    const double a = std::sqrt(6.0 / fan);
    for (auto& v : w) v = static_cast<T>(a * (2.0 * data::uniform01(g) - 1.0));
  } else {
    const double sd = std::sqrt(2.0 / fan);
    for (std::size_t i = 0; i < w.size(); i += 2) {
      const auto z = data::standard_normal_pair(g);
      w[i] = static_cast<T>(sd * z.first);
      if (i + 1 < w.size()) w[i + 1] = static_cast<T>(sd * z.second);
    }
  }
}

template <init_kind K>
struct initializer {
  void operator()(std::span<double> w, fans f, std::uint64_t seed) const {
    data::splitmix64 g(seed);
    fill<K>(w, f, g);
  }
  void operator()(std::span<float> w, fans f, std::uint64_t seed) const {
    data::splitmix64 g(seed);
    fill<K>(w, f, g);
  }
  void operator()(std::span<double> w, fans f, data::splitmix64& g) const { fill<K>(w, f, g); }
  void operator()(std::span<float> w, fans f, data::splitmix64& g) const { fill<K>(w, f, g); }
};

}  // namespace detail

inline constexpr detail::initializer<detail::init_kind::xavier_uniform> xavier_uniform{};
inline constexpr detail::initializer<detail::init_kind::xavier_normal> xavier_normal{};
inline constexpr detail::initializer<detail::init_kind::he_uniform> he_uniform{};
inline constexpr detail::initializer<detail::init_kind::he_normal> he_normal{};

}  // namespace descent::models

#endif
