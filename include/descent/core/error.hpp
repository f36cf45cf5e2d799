// descent/core/error.hpp: exceptions with printf-formatted messages, for error paths.
//
//   detail::throw_invalid_argument("descent: %zu rows, expected %zu", got, want);
//   detail::throw_out_of_range("descent: row %zu of '%.*s'", row, detail::len(name), name.data());
//
// The headers build their error messages here instead of with std::string concatenation and
// std::to_string: in C++20, libstdc++ 12 does not declare std::string's explicit
// instantiations, so every translation unit compiles the string members it uses, and the
// concatenations on the error paths of the shaped objectives cost each of their translation
// units about 0.2 s of g++ -O1.  Messages are cut at 1023 characters.
#ifndef DESCENT_CORE_ERROR_HPP
#define DESCENT_CORE_ERROR_HPP

#include <cstdarg>
#include <cstdio>
#include <stdexcept>
#include <string_view>

namespace descent::detail {

// The length of a string_view as printf's "%.*s" wants it.
constexpr int len(std::string_view s) noexcept { return static_cast<int>(s.size()); }

#if defined(__GNUC__)
#define DESCENT_PRINTF_FORMAT __attribute__((format(printf, 1, 2)))
#else
#define DESCENT_PRINTF_FORMAT
#endif

[[noreturn]] inline void throw_invalid_argument(const char* format, ...) DESCENT_PRINTF_FORMAT;
[[noreturn]] inline void throw_out_of_range(const char* format, ...) DESCENT_PRINTF_FORMAT;

// The message, formatted into a fixed buffer (longer than 1023 characters: cut).
struct formatted_message {
  char text[1024];
};
inline formatted_message format_message(const char* format, va_list args) {
  formatted_message m;
  std::vsnprintf(m.text, sizeof m.text, format, args);
  return m;
}
inline void throw_invalid_argument(const char* format, ...) {
  va_list args;
  va_start(args, format);
  const formatted_message m = format_message(format, args);
  va_end(args);
  throw std::invalid_argument(m.text);
}
inline void throw_out_of_range(const char* format, ...) {
  va_list args;
  va_start(args, format);
  const formatted_message m = format_message(format, args);
  va_end(args);
  throw std::out_of_range(m.text);
}

#undef DESCENT_PRINTF_FORMAT

}  // namespace descent::detail

#endif
