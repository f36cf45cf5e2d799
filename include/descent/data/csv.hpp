#ifndef DESCENT_DATA_CSV_HPP
#define DESCENT_DATA_CSV_HPP

// Reading numeric CSV data sets (scikit-learn's bundled files, UCI exports, numpy.savetxt
// output): one example per line, fields separated by a delimiter, gzip-compressed or not.
//
//   read_csv(path, options)              a file (gzip recognised by its magic bytes)
//   read_csv(stream, name, options)      any std::istream; `name` is used in errors
//   parse_csv(text, name, options)       text (or gzip bytes) in memory
//   read_csv_xy(x_path, y_path, options) features and target in two files (diabetes)
//
// Every malformed input throws csv_error naming file, line and column (csv_error.hpp): an
// empty file or one without data rows, a wrong field count, an empty field, a non-number,
// NaN / Inf, a value that underflows or overflows T, a label out of range, a column that
// does not exist, corrupt gzip data, an unreadable file or a directory.  Nothing is silently
// dropped or guessed:
// - The header is line 1 only when `.header = csv_header::present`, or (the default,
//   `detect`) when every field of line 1 is a non-number, or when line 1 has
//   scikit-learn's form `n_samples,n_features,class names...` (e.g. `569,30,malignant,benign`),
//   whose counts are then checked against the data.  A line 1 mixing numbers and text
//   otherwise is an error naming line 1 and the column.  A UTF-8 byte-order mark is skipped.
// - A first line holding a single field that contains another common delimiter
//   (';', tab, '|', ',', or spaces between numbers) is reported as a wrong delimiter.
// - Subnormal values are kept as they are; values beyond them are errors saying "underflows"
//   or "overflows" (write 0 if 0 is meant).
// Only the selected columns are parsed: an unselected column may hold text.
// Hand-written rather than a dependency: numeric CSV needs no quoting rules, std::from_chars
// parses exactly and locale-free.  Quoted fields are not supported (they are non-numbers).

#include <descent/data/csv_error.hpp>
#include <descent/data/gzip.hpp>
#include <descent/data/matrix.hpp>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <fstream>
#include <ios>
#include <istream>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace descent::data {

enum class csv_header { detect, present, absent };

struct no_column_t {
  explicit constexpr no_column_t() = default;
};
// `.target = descent::data::no_target`: the file has no target column.
inline constexpr no_column_t no_target{};

// A column chosen by 0-based index (negative counts from the end: -1 is the last) or by the
// name it has in the header line.
class column {
 public:
  template <std::integral I>
  constexpr column(I index) : index_(static_cast<long long>(index)) {}  // NOLINT: implicit
  column(const char* name) : name_(name), named_(true) {}               // NOLINT
  column(std::string name) : name_(std::move(name)), named_(true) {}    // NOLINT
  column(std::string_view name) : name_(name), named_(true) {}          // NOLINT
  constexpr column(no_column_t) : none_(true) {}                        // NOLINT

  bool none() const noexcept { return none_; }
  bool named() const noexcept { return named_; }
  long long index() const noexcept { return index_; }
  const std::string& name() const noexcept { return name_; }
  std::string describe() const {
    return named_ ? "column '" + name_ + "'" : "column index " + std::to_string(index_);
  }

 private:
  long long index_ = -1;
  std::string name_;
  bool named_ = false, none_ = false;
};

struct csv_options {
  char delimiter = ',';          // ' ': fields are separated by runs of spaces and tabs
  csv_header header = csv_header::detect;
  column target = -1;            // the target column (default: the last), or no_target
  std::vector<column> features{};  // the feature columns in this order; empty: all but the target
  std::size_t classes = 0;       // > 0: the target is a class label 0..classes-1 (checked)
};

namespace detail {

inline bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\r'; }

inline std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

struct field {
  std::string_view text;
  std::size_t column;  // 1-based character column where the field starts
};

inline void split(std::string_view line, char delim, std::vector<field>& out) {
  out.clear();
  if (delim == ' ') {  // whitespace-separated: runs of blanks separate, leading ones ignored
    std::size_t i = 0;
    for (;;) {
      while (i < line.size() && is_blank(line[i])) ++i;
      if (i == line.size()) return;
      const std::size_t start = i;
      while (i < line.size() && !is_blank(line[i])) ++i;
      out.push_back({line.substr(start, i - start), start + 1});
    }
  }
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = line.find(delim, start);
    const std::string_view raw =
        line.substr(start, end == std::string_view::npos ? end : end - start);
    std::size_t lead = 0;
    while (lead < raw.size() && is_blank(raw[lead])) ++lead;
    out.push_back({trim(raw), start + lead + 1});
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
}

enum class number { ok, empty, not_a_number, nan, infinite, underflow, overflow };

// The decimal order of magnitude of a number that from_chars found out of range: > 0 means
// it overflowed, <= 0 that it underflowed.
inline long long decimal_order(std::string_view s) noexcept {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  long long order = 0;
  bool seen_nonzero = false, after_point = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.') { after_point = true; continue; }
    if (c < '0' || c > '9') break;
    if (!after_point) {
      if (seen_nonzero || c != '0') { seen_nonzero = true; ++order; }
    } else if (!seen_nonzero) {
      if (c == '0') --order; else seen_nonzero = true;
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    long long e = 0;
    std::from_chars(s.data() + i + 1 + (i + 1 < s.size() && s[i + 1] == '+'), s.data() + s.size(), e);
    order += e;
  }
  return order;
}

// Parses a whole (trimmed) field as a finite number of type T.
template <class T>
number parse_number(std::string_view s, T& value) noexcept {
  if (s.empty()) return number::empty;
  std::string_view digits = s;
  if (digits.front() == '+') {
    digits.remove_prefix(1);
    if (digits.empty() || digits.front() == '+' || digits.front() == '-') return number::not_a_number;
  }
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ptr != digits.data() + digits.size()) return number::not_a_number;
  if (ec == std::errc::result_out_of_range)
    return decimal_order(s) > 0 ? number::overflow : number::underflow;
  if (ec != std::errc()) return number::not_a_number;
  if (std::isnan(value)) return number::nan;
  if (std::isinf(value)) return number::infinite;
  return number::ok;
}

template <class T>
constexpr const char* type_name() noexcept {
  if constexpr (std::same_as<T, float>) return "float";
  else if constexpr (std::same_as<T, double>) return "double";
  else return "long double";
}

template <class T>
std::string shortest(T v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

// A field as quoted in messages: at most 40 characters.
inline std::string quote(std::string_view text) {
  if (text.size() > 40) return "'" + std::string(text.substr(0, 37)) + "...' (" + std::to_string(text.size()) + " characters)";
  return "'" + std::string(text) + "'";
}

inline std::string spell(char c) {
  if (c == '\t') return "a tab ('\\t')";
  if (c == ' ') return "spaces (' ')";
  return std::string("'") + c + "'";
}

// When `text` (a field or a line read as one field) looks delimited by something other than
// `delim`, says so.
template <class T>
std::string delimiter_hint(std::string_view text, char delim) {
  for (const char c : {';', '\t', '|', ','})
    if (c != delim && text.find(c) != std::string_view::npos)
      return ": the file looks delimited by " + spell(c) + ", not " + spell(delim) +
             "; pass .delimiter = " + (c == '\t' ? std::string("'\\t'") : spell(c));
  if (delim != ' ' && text.find(' ') != std::string_view::npos) {
    std::vector<field> parts;
    split(text, ' ', parts);
    T v{};
    bool numbers = parts.size() > 1;
    for (const auto& p : parts) numbers = numbers && parse_number(p.text, v) == number::ok;
    if (numbers)
      return ": the file looks separated by spaces, not " + spell(delim) +
             "; pass .delimiter = ' '";
  }
  return {};
}

// Why a field is not a usable value, or "" when it is.
template <class T>
std::string field_problem(number status, std::size_t k, std::string_view text, char delim) {
  const std::string f = "field " + std::to_string(k + 1) + " ";
  const std::string quoted = quote(text);
  switch (status) {
    case number::ok: return {};
    case number::empty: return f + "is empty";
    case number::nan: return f + "is NaN (" + quoted + ")";
    case number::infinite: return f + "is infinite (" + quoted + ")";
    case number::underflow:
      return f + quoted + " underflows " + type_name<T>() +
             " (nonzero but smaller in magnitude than " +
             shortest(std::numeric_limits<T>::denorm_min()) + "); write 0 if 0 is meant";
    case number::overflow:
      return f + quoted + " overflows " + type_name<T>() + " (larger in magnitude than " +
             shortest(std::numeric_limits<T>::max()) + ")";
    case number::not_a_number: break;
  }
  return f + "is not a number: " + quoted + delimiter_hint<T>(text, delim);
}

// scikit-learn's header line `n_samples,n_features,name,...`: the two counts, if it is one.
template <class T>
std::optional<std::pair<std::size_t, std::size_t>> sklearn_header(const std::vector<field>& f) {
  if (f.size() < 3) return std::nullopt;
  std::size_t counts[2];
  for (int k = 0; k < 2; ++k) {
    const auto s = f[static_cast<std::size_t>(k)].text;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), counts[k]);
    if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  }
  T v{};
  for (std::size_t k = 2; k < f.size(); ++k)
    if (parse_number(f[k].text, v) != number::not_a_number) return std::nullopt;
  return std::pair{counts[0], counts[1]};
}

inline std::string join(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

}  // namespace detail

// Parses CSV text, or gzip-compressed CSV bytes; `name` is used in error messages (the file
// name when read from a file).  Throws only csv_error (and std::bad_alloc).
template <class T = double>
dataset<T> parse_csv(std::string_view text, const std::string& name, const csv_options& opt = {}) {
  static_assert(std::floating_point<T>, "descent::data::parse_csv<T>: T must be float, double or long double");
  std::string inflated;
  if (is_gzip(text)) {
    inflated = gunzip(text, name);
    text = inflated;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte-order mark
  const bool empty_file = text.empty();

  dataset<T> out;
  out.source = name;
  out.classes = opt.classes;
  std::vector<detail::field> fields;
  std::size_t line_no = 0, header_line = 0, nf = 0;  // nf: fields per row (0: not known yet)
  bool first = true, named_header = false;
  std::optional<std::pair<std::size_t, std::size_t>> announced;  // sklearn's counts
  std::optional<std::size_t> target;
  std::vector<std::size_t> feature_cols;

  auto fail = [&](std::size_t line, std::size_t col, const std::string& what) -> csv_error {
    return csv_error(name, line, col, what);
  };
  auto resolve = [&](const column& c, std::size_t line) -> std::size_t {
    if (c.named()) {
      if (!named_header)
        throw fail(line, 0, c.describe() + " is selected by name, but " +
                                (announced ? std::string("the header line is scikit-learn's "
                                                         "'n_samples,n_features,classes' line, "
                                                         "which names no columns")
                                           : std::string("the file has no header line")));
      for (std::size_t j = 0; j < out.header.size(); ++j)
        if (out.header[j] == c.name()) return j;
      throw fail(header_line, 0, "no column named '" + c.name() + "' in the header (" +
                                     detail::join(out.header) + ")");
    }
    const long long n = static_cast<long long>(nf);
    const long long j = c.index() < 0 ? c.index() + n : c.index();
    if (j < 0 || j >= n)
      throw fail(line, 0, c.describe() + " is out of range: the rows have " +
                              std::to_string(nf) + " fields (indices 0.." +
                              std::to_string(nf - 1) + ", or -" + std::to_string(nf) +
                              "..-1 from the end)");
    return static_cast<std::size_t>(j);
  };
  auto select_columns = [&](std::size_t line) {
    if (!opt.target.none()) target = resolve(opt.target, line);
    if (opt.features.empty()) {
      for (std::size_t j = 0; j < nf; ++j)
        if (j != target) feature_cols.push_back(j);
    } else {
      for (const auto& c : opt.features) {
        const std::size_t j = resolve(c, line);
        if (j == target)
          throw fail(line, 0, c.describe() + " (field " + std::to_string(j + 1) +
                                  ") is both a feature and the target");
        for (std::size_t k : feature_cols)
          if (k == j)
            throw fail(line, 0, c.describe() + " (field " + std::to_string(j + 1) +
                                    ") is selected twice as a feature");
        feature_cols.push_back(j);
      }
    }
    if (feature_cols.empty()) {
      if (!target) throw fail(line, 0, "no column is selected (no features and no target)");
      if (!opt.target.named() && opt.target.index() == -1 && opt.features.empty())
        throw fail(line, 0, "line " + std::to_string(line) +
                                " has a single field: a row needs at least one feature and "
                                "the target; to read a file that holds only the target, pass "
                                ".target = 0");
    }
    if (opt.classes > 0 && !target)
      throw fail(0, 0, "classes = " + std::to_string(opt.classes) +
                           " is given but no target column is read");
    out.features.cols = feature_cols.size();
  };

  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (detail::trim(line).empty()) continue;  // blank lines (e.g. the final newline)
    detail::split(line, opt.delimiter, fields);
    if (first) {
      first = false;
      if (fields.size() == 1) {
        const std::string hint = detail::delimiter_hint<T>(fields[0].text, opt.delimiter);
        if (!hint.empty())
          throw fail(line_no, 0, "line " + std::to_string(line_no) + " is a single field" + hint);
      }
      bool header = opt.header == csv_header::present;
      if (opt.header != csv_header::absent) {
        announced = detail::sklearn_header<T>(fields);
        // text: a field that is no number at all; NaN, Inf, out-of-range values are numbers
        // (reported as such when the line is read as data), empty fields are neither
        std::size_t numbers = 0, first_text = 0;
        T v{};
        for (std::size_t k = 0; k < fields.size(); ++k) {
          const auto status = detail::parse_number(fields[k].text, v);
          if (status == detail::number::not_a_number) {
            if (first_text == 0) first_text = k + 1;
          } else if (status != detail::number::empty) {
            ++numbers;
          }
        }
        if (opt.header == csv_header::detect) {
          if ((numbers == 0 && first_text != 0) || announced) {  // not a line of empty fields
            header = true;
          } else if (first_text != 0) {
            const auto& f = fields[first_text - 1];
            throw fail(line_no, f.column,
                       "line " + std::to_string(line_no) +
                           " is neither a header (some fields are numbers) nor data: " +
                           detail::field_problem<T>(detail::parse_number(f.text, v),
                                                    first_text - 1, f.text, opt.delimiter) +
                           "; pass .header = csv_header::present if it is a header");
          }
        }
        if (header && !announced) {
          named_header = true;
          nf = fields.size();  // a header naming the columns fixes their number
        }
      }
      if (header) {
        header_line = line_no;
        for (const auto& f : fields) out.header.emplace_back(f.text);
        if (named_header) select_columns(line_no);
        continue;
      }
    }
    if (nf == 0) {
      nf = fields.size();
      select_columns(line_no);
    }
    if (fields.size() != nf) {
      const std::size_t end = line.size() - (line.ends_with('\r') ? 1 : 0);
      const std::size_t col = fields.size() > nf ? fields[nf].column : end + 1;
      throw fail(line_no, col,
                 "expected " + std::to_string(nf) + " fields" +
                     (named_header ? " (as the header on line " + std::to_string(header_line) + ")"
                                   : std::string()) +
                     ", found " + std::to_string(fields.size()) +
                     (fields.size() == 1 ? detail::delimiter_hint<T>(fields[0].text, opt.delimiter)
                                         : std::string()));
    }
    auto value = [&](std::size_t k) {
      T v{};
      const auto status = detail::parse_number(fields[k].text, v);
      if (status != detail::number::ok)
        throw fail(line_no, fields[k].column,
                   detail::field_problem<T>(status, k, fields[k].text, opt.delimiter));
      return v;
    };
    for (std::size_t k : feature_cols) out.features.values.push_back(value(k));
    if (target) {
      const T v = value(*target);
      if (opt.classes > 0) {
        const auto& f = fields[*target];
        if (v != std::floor(v))
          throw fail(line_no, f.column, "field " + std::to_string(*target + 1) + ": label " +
                                            detail::quote(f.text) + " is not an integer class label");
        if (v < T(0) || v >= static_cast<T>(opt.classes))
          throw fail(line_no, f.column,
                     "field " + std::to_string(*target + 1) + ": label " + detail::quote(f.text) +
                         " is out of range for " + std::to_string(opt.classes) +
                         " classes (0.." + std::to_string(opt.classes - 1) + ")");
        out.labels.push_back(static_cast<std::size_t>(v));
      }
      out.targets.push_back(v);
    }
    ++out.features.rows;
  }

  if (out.features.rows == 0)
    throw fail(0, 0, empty_file ? "the file is empty: no data rows"
                     : header_line != 0
                         ? "no data rows (only a header on line " + std::to_string(header_line) + ")"
                         : "no data rows (only blank lines)");
  if (announced && (announced->first != out.features.rows || announced->second + 1 != nf))
    throw fail(header_line, 0,
               "the scikit-learn header announces n_samples = " + std::to_string(announced->first) +
                   " rows and n_features = " + std::to_string(announced->second) +
                   " (plus the target column); the file has " + std::to_string(out.features.rows) +
                   " rows of " + std::to_string(nf) + " fields");
  return out;
}

// Reads CSV (or gzip-compressed CSV) from a stream; `name` stands for it in errors.
template <class T = double>
dataset<T> read_csv(std::istream& in, const std::string& name, const csv_options& opt = {}) {
  std::string bytes;
  try {
    if (!in) throw csv_error(name, 0, 0, "cannot read: the stream is not readable");
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const std::ios_base::failure& e) {
    if (e.code() == std::errc::is_a_directory)
      throw csv_error(name, 0, 0, "is a directory, not a file");
    throw csv_error(name, 0, 0, "cannot read the file (" + e.code().message() + ")");
  }
  if (in.bad()) throw csv_error(name, 0, 0, "cannot read the file (read error)");
  return parse_csv<T>(bytes, name, opt);
}

// Reads a CSV file (gzip-compressed or not).
template <class T = double>
dataset<T> read_csv(const std::string& path, const csv_options& opt = {}) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    throw csv_error(path, 0, 0, "cannot open the file for reading" +
                                    (err != 0 ? " (" + std::generic_category().message(err) + ")"
                                              : std::string()));
  }
  return read_csv<T>(in, path, opt);
}

// Features from one file, the target from another with one value per line (scikit-learn's
// diabetes_data_raw.csv.gz / diabetes_target.csv.gz).  `opt` applies to both files, except
// that every selected column of x_path is a feature and the target is y_path's only column;
// `opt.target` must be left as it is.  Row counts must agree.
template <class T = double>
dataset<T> read_csv_xy(const std::string& x_path, const std::string& y_path, csv_options opt = {}) {
  if (opt.target.none() || opt.target.named() || opt.target.index() != -1)
    throw csv_error(x_path, 0, 0, "read_csv_xy takes the target from " + y_path +
                                      ": leave .target unset");
  csv_options y_opt;
  y_opt.delimiter = opt.delimiter;
  y_opt.header = opt.header;
  y_opt.target = 0;
  y_opt.classes = opt.classes;
  opt.target = no_target;
  opt.classes = 0;
  dataset<T> x = read_csv<T>(x_path, opt);
  dataset<T> y = read_csv<T>(y_path, y_opt);
  if (y.features.cols != 0)
    throw csv_error(y_path, 0, 0, "a target file holds one column, this one has " +
                                      std::to_string(y.features.cols + 1));
  if (y.size() != x.size())
    throw csv_error(y_path, 0, 0, "has " + std::to_string(y.size()) + " rows, but " + x_path +
                                      " has " + std::to_string(x.size()));
  x.targets = std::move(y.targets);
  x.labels = std::move(y.labels);
  x.classes = y.classes;
  x.source = x_path + " + " + y_path;
  return x;
}

}  // namespace descent::data

#endif
