// descent/print/static_string.hpp: a string computed at compile time (what to_string
// returns for an expression without runtime numbers).  Compares with string literals in
// static_assert on both g++ and clang (std::string cannot: clang 14 + libstdc++ 12 reject
// constexpr std::string), converts to std::string and std::string_view.
#ifndef DESCENT_PRINT_STATIC_STRING_HPP
#define DESCENT_PRINT_STATIC_STRING_HPP

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace descent {

template <std::size_t N>
struct static_string {
  char data[N + 1]{};

  static constexpr std::size_t size() noexcept { return N; }
  constexpr const char* c_str() const noexcept { return data; }
  constexpr std::string_view view() const noexcept { return {data, N}; }
  constexpr operator std::string_view() const noexcept { return view(); }
  operator std::string() const { return std::string(data, N); }
  std::string str() const { return std::string(data, N); }

  friend constexpr bool operator==(const static_string& a, std::string_view b) noexcept { return a.view() == b; }
  friend constexpr bool operator==(const static_string& a, const char* b) noexcept { return a.view() == std::string_view(b); }
  template <std::size_t M>
  friend constexpr bool operator==(const static_string& a, const static_string<M>& b) noexcept {
    return a.view() == b.view();
  }
  friend std::ostream& operator<<(std::ostream& os, const static_string& s) { return os << s.view(); }
};

}  // namespace descent

#endif
