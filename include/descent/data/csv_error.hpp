#ifndef DESCENT_DATA_CSV_ERROR_HPP
#define DESCENT_DATA_CSV_ERROR_HPP

// The one exception type of descent's data loading: it names the file (or the display name
// given for a stream), the 1-based line and the 1-based character column.
//   what() == "FILE:LINE:COLUMN: message"  for an error inside a line,
//             "FILE:LINE: message"         for a whole line (column 0),
//             "FILE: message"              for the file itself (line 0: cannot open, empty,
//                                          corrupt gzip data, rows missing).

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace descent::data {

class csv_error : public std::runtime_error {
 public:
  csv_error(std::string file, std::size_t line, std::size_t column, const std::string& what)
      : std::runtime_error(format(file, line, column, what)),
        file_(std::move(file)), line_(line), column_(column) {}
  const std::string& file() const noexcept { return file_; }
  std::size_t line() const noexcept { return line_; }      // 1-based; 0: the file itself
  std::size_t column() const noexcept { return column_; }  // 1-based; 0: the whole line

 private:
  static std::string format(const std::string& file, std::size_t line, std::size_t column,
                            const std::string& what) {
    std::string s = file;
    if (line != 0) {
      s += ':' + std::to_string(line);
      if (column != 0) s += ':' + std::to_string(column);
    }
    return s + ": " + what;
  }
  std::string file_;
  std::size_t line_, column_;
};

}  // namespace descent::data

#endif
