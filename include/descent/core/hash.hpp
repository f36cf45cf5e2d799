// descent/core/hash.hpp: constexpr 64-bit mixing for structural type hashes.
#ifndef DESCENT_CORE_HASH_HPP
#define DESCENT_CORE_HASH_HPP

#include <cstdint>
#include <string_view>

namespace descent::detail {

constexpr std::uint64_t finalize(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
constexpr std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  return finalize(h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)));
}
constexpr std::uint64_t hash_string(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return finalize(h);
}

}  // namespace descent::detail

#endif
