// descent/core/fixed_string.hpp: a string usable as a template argument (var<"x">).
#ifndef DESCENT_CORE_FIXED_STRING_HPP
#define DESCENT_CORE_FIXED_STRING_HPP

#include <cstddef>
#include <string_view>

namespace descent {

// A structural string type: `descent::var<"x">` names a variable at compile time.
// N counts the characters without the terminating zero.
template <std::size_t N>
struct fixed_string {
  char data[N + 1]{};

  constexpr fixed_string(const char (&s)[N + 1]) noexcept {
    for (std::size_t i = 0; i <= N; ++i) data[i] = s[i];
  }
  static constexpr std::size_t size() noexcept { return N; }
  constexpr std::string_view view() const noexcept { return {data, N}; }
  constexpr operator std::string_view() const noexcept { return view(); }
  constexpr char operator[](std::size_t i) const noexcept { return data[i]; }
};

template <std::size_t M>
fixed_string(const char (&)[M]) -> fixed_string<M - 1>;

}  // namespace descent

#endif
