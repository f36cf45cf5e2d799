// libFuzzer target: descent::data::read_csv(stream, name, options), the reader behind
// read_csv(path) (and parse_csv, gzip included).  The first input byte chooses the options,
// the rest is the file's bytes.  A run
// must either return a data set that keeps the reader's promises (at least one row, finite
// values, consistent shapes, labels in range) or throw descent::data::csv_error; anything
// else (another exception, a sanitizer report, a crash) is a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>

#include <descent/data/csv.hpp>

namespace {

[[noreturn]] void broken(const char* what) {
  std::fprintf(stderr, "csv_fuzz: broken promise: %s\n", what);
  std::abort();
}

template <class T>
void check(const descent::data::dataset<T>& d, const descent::data::csv_options& opt) {
  if (d.size() == 0) broken("a data set without rows");
  if (d.features.values.size() != d.features.rows * d.features.cols) broken("matrix shape");
  for (const T v : d.features.values)
    if (!std::isfinite(v)) broken("a non-finite feature");
  if (!opt.target.none() && d.targets.size() != d.size()) broken("one target per row");
  for (const T v : d.targets)
    if (!std::isfinite(v)) broken("a non-finite target");
  if (opt.classes > 0) {
    if (d.labels.size() != d.size()) broken("one label per row");
    for (const std::size_t l : d.labels)
      if (l >= opt.classes) broken("a label out of range");
  }
}

template <class T>
void run(std::string_view text, const descent::data::csv_options& opt) {
  try {
    std::istringstream in{std::string(text)};
    check(descent::data::read_csv<T>(in, "fuzz.csv", opt), opt);
  } catch (const descent::data::csv_error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned o = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  static constexpr char delimiters[] = {',', ';', '\t', ' '};
  descent::data::csv_options opt;
  opt.delimiter = delimiters[o & 3u];
  opt.header = (o >> 2 & 3u) == 1   ? descent::data::csv_header::present
               : (o >> 2 & 3u) == 2 ? descent::data::csv_header::absent
                                    : descent::data::csv_header::detect;
  if (o & 16u) opt.target = descent::data::no_target;
  else if (o & 32u) opt.target = 0;
  if (o & 64u) opt.classes = 3;
  if (o & 128u) run<float>(text, opt);
  else run<double>(text, opt);
  return 0;
}
