#ifndef DESCENT_DATA_CSV_HPP
#define DESCENT_DATA_CSV_HPP

// Reading numeric CSV data sets (scikit-learn's bundled files, UCI exports): one example per
// line, fields separated by a delimiter, the target in the last column by default, and an
// optional header line (e.g. `569,30,malignant,benign`, detected as a header because some
// field is not a number).  Every malformed input throws csv_error naming file, line and
// column: a wrong field count, a field that is not a finite number, an unreadable file.
// Hand-written (~150 lines) rather than a dependency: numeric CSV needs no quoting or
// escaping rules, std::from_chars parses exactly and locale-free, and the library must
// depend on nothing beyond the standard library, Boost and range-v3.  Quoted fields are not
// supported (they are reported as non-numbers).

#include <descent/data/matrix.hpp>

#include <charconv>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace descent::data {

class csv_error : public std::runtime_error {
 public:
  csv_error(std::string file, std::size_t line, std::size_t column, const std::string& what)
      : std::runtime_error(file + ":" + std::to_string(line) + ":" + std::to_string(column) +
                           ": " + what),
        file_(std::move(file)), line_(line), column_(column) {}
  const std::string& file() const noexcept { return file_; }
  std::size_t line() const noexcept { return line_; }      // 1-based; 0: the file itself
  std::size_t column() const noexcept { return column_; }  // 1-based character column
 private:
  std::string file_;
  std::size_t line_, column_;
};

enum class csv_header { detect, present, absent };

struct csv_options {
  char delimiter = ',';
  csv_header header = csv_header::detect;  // detect: a first line with a non-number field
  bool target_last = true;                 // last column is the target; false: no targets
};

namespace detail {

inline std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

struct field {
  std::string_view text;
  std::size_t column;  // 1-based character column where the field starts
};

inline void split(std::string_view line, char delim, std::vector<field>& out) {
  out.clear();
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = line.find(delim, start);
    const std::string_view raw = line.substr(start, end == std::string_view::npos ? end : end - start);
    std::size_t lead = 0;
    while (lead < raw.size() && (raw[lead] == ' ' || raw[lead] == '\t')) ++lead;
    out.push_back({trim(raw), start + lead + 1});
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
}

// Parses a whole field as a finite number; false otherwise.
template <class T>
bool parse_number(std::string_view s, T& value) noexcept {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(value);
}

}  // namespace detail

// Parses CSV text; `name` is used in error messages (the file name when read from a file).
template <class T = double>
dataset<T> parse_csv(std::string_view text, const std::string& name, csv_options opt = {}) {
  dataset<T> out;
  std::vector<detail::field> fields;
  std::size_t line_no = 0, expected = 0;
  bool first = true;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (detail::trim(line).empty()) continue;  // blank lines (e.g. the final newline)
    detail::split(line, opt.delimiter, fields);
    if (first) {
      first = false;
      bool header = opt.header == csv_header::present;
      if (opt.header == csv_header::detect) {
        T v{};
        for (const auto& f : fields)
          if (!detail::parse_number(f.text, v)) header = true;
      }
      if (header) {
        for (const auto& f : fields) out.header.emplace_back(f.text);
        continue;
      }
    }
    if (expected == 0) {
      expected = fields.size();
      if (opt.target_last && expected < 2)
        throw csv_error(name, line_no, 1,
                        "a row needs at least one feature and the target, found 1 field");
      out.features.cols = opt.target_last ? expected - 1 : expected;
    }
    if (fields.size() != expected) {
      const std::size_t col = fields.size() > expected ? fields[expected].column
                                                       : line.size() + 1;
      throw csv_error(name, line_no, col,
                      "expected " + std::to_string(expected) + " fields, found " +
                          std::to_string(fields.size()));
    }
    for (std::size_t k = 0; k < fields.size(); ++k) {
      T v{};
      if (!detail::parse_number(fields[k].text, v))
        throw csv_error(name, line_no, fields[k].column,
                        "field " + std::to_string(k + 1) + " is not a finite number: '" +
                            std::string(fields[k].text) + "'");
      if (opt.target_last && k + 1 == fields.size())
        out.targets.push_back(v);
      else
        out.features.values.push_back(v);
    }
    ++out.features.rows;
  }
  return out;
}

// Reads a CSV file; throws csv_error (line 0) when the file cannot be opened.
template <class T = double>
dataset<T> read_csv(const std::string& path, csv_options opt = {}) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw csv_error(path, 0, 0, "cannot open the file for reading");
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse_csv<T>(buf.str(), path, opt);
}

}  // namespace descent::data

#endif
