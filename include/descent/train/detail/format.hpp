// Small string helpers for messages (no iostreams in headers users include everywhere).
#ifndef DESCENT_TRAIN_DETAIL_FORMAT_HPP
#define DESCENT_TRAIN_DETAIL_FORMAT_HPP

#include <cstddef>
#include <cstdio>
#include <string>

namespace descent::detail {

/// A number in %.6g (NaN and Inf spelled "NaN", "Inf", "-Inf").
inline std::string num(double v) {
  if (v != v) return "NaN";
  if (v == 1.0 / 0.0) return "Inf";
  if (v == -1.0 / 0.0) return "-Inf";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

inline std::string num(std::size_t v) { return std::to_string(v); }

}  // namespace descent::detail

#endif  // DESCENT_TRAIN_DETAIL_FORMAT_HPP
