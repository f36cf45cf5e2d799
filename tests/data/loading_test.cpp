// Loading (issue 8, "Data"): gzip input, the shipped data sets, column selection by index
// or header name, class labels with a range check, and one test per kind of malformed input,
// each an exception naming file, line and column.
#include <descent/data/csv.hpp>

#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace dd = descent::data;

namespace {
bool contains(const std::exception& e, const std::string& s) {
  BOOST_TEST_MESSAGE(e.what());
  return std::string(e.what()).find(s) != std::string::npos;
}
bool at(const dd::csv_error& e, std::size_t line, std::size_t column) {
  const std::string prefix = "t.csv:" + std::to_string(line) +
                             (column != 0 ? ":" + std::to_string(column) : std::string()) + ": ";
  BOOST_TEST_MESSAGE(e.what());
  return e.file() == "t.csv" && e.line() == line && e.column() == column &&
         std::string(e.what()).rfind(prefix, 0) == 0;
}
std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
std::string gzip(const std::string& text) {
  z_stream z{};
  BOOST_REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(text.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  BOOST_REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}
std::vector<std::size_t> class_counts(const dd::dataset<double>& d) {
  std::vector<std::size_t> n(d.classes, 0);
  for (auto l : d.labels) ++n.at(l);
  return n;
}
}  // namespace

BOOST_AUTO_TEST_CASE(the_shipped_data_sets) {
  const auto digits = dd::read_csv("data/digits.csv.gz", {.classes = 10});
  BOOST_TEST(digits.size() == 1797u);
  BOOST_TEST(digits.features.cols == 64u);
  BOOST_TEST(digits.header.empty());
  BOOST_TEST(digits.features(0, 2) == 5.0);
  BOOST_TEST(digits.labels.at(0) == 0u);
  BOOST_TEST(digits.labels.at(1) == 1u);
  BOOST_TEST(*std::max_element(digits.features.values.begin(), digits.features.values.end()) == 16.0);
  const std::vector<std::size_t> digit_counts{178, 182, 177, 183, 181, 182, 181, 179, 174, 180};
  BOOST_TEST(class_counts(digits) == digit_counts, boost::test_tools::per_element());

  const auto iris = dd::read_csv("data/iris.csv", {.classes = 3});
  BOOST_TEST(iris.size() == 150u);
  BOOST_TEST(iris.features.cols == 4u);
  BOOST_TEST(iris.header.at(2) == "setosa");
  BOOST_TEST(class_counts(iris) == std::vector<std::size_t>({50, 50, 50}), boost::test_tools::per_element());

  const auto wine = dd::read_csv("data/wine_data.csv", {.classes = 3});
  BOOST_TEST(wine.size() == 178u);
  BOOST_TEST(wine.features.cols == 13u);
  BOOST_TEST(wine.features(0, 12) == 1065.0);
  BOOST_TEST(class_counts(wine) == std::vector<std::size_t>({59, 71, 48}), boost::test_tools::per_element());

  const auto bc = dd::read_csv("data/breast_cancer.csv", {.classes = 2});
  BOOST_TEST(class_counts(bc) == std::vector<std::size_t>({212, 357}), boost::test_tools::per_element());

  const auto dia = dd::read_csv_xy("data/diabetes_data_raw.csv.gz", "data/diabetes_target.csv.gz",
                                   {.delimiter = ' '});
  BOOST_TEST(dia.size() == 442u);
  BOOST_TEST(dia.features.cols == 10u);
  BOOST_TEST(dia.features(0, 0) == 59.0);
  BOOST_TEST(dia.features(0, 8) == 4.8598);
  BOOST_TEST(dia.targets.at(0) == 151.0);
  BOOST_TEST(dia.targets.at(441) == 57.0);
  BOOST_TEST(dia.source == "data/diabetes_data_raw.csv.gz + data/diabetes_target.csv.gz");
}

BOOST_AUTO_TEST_CASE(gzip_is_recognised_by_content_and_members_concatenate) {
  const std::string text = "a,b,y\n1,2,0\n3,4,1\n";
  const auto z = dd::parse_csv(gzip(text), "t.csv");
  BOOST_TEST(z.size() == 2u);
  BOOST_TEST(z.features(1, 1) == 4.0);
  const auto two = dd::parse_csv(gzip(text) + gzip("5,6,1\n"), "t.csv");  // cat a.gz b.gz
  BOOST_TEST(two.size() == 3u);
  BOOST_TEST(two.targets.at(2) == 1.0);
  std::istringstream s(gzip(text));
  BOOST_TEST(dd::read_csv(s, "mem").size() == 2u);
  // line numbers are those of the decompressed text
  BOOST_CHECK_EXCEPTION(dd::parse_csv(gzip("1,2\n3,x\n"), "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 2, 3); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv(gzip(""), "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return contains(e, "empty"); });
}

BOOST_AUTO_TEST_CASE(gzip_corruption_is_an_error_naming_the_file) {
  const std::string good = file_bytes("data/digits.csv.gz");
  BOOST_REQUIRE(good.size() == 57512u);
  auto is_gzip_error = [](const std::string& what) {
    return [what](const dd::csv_error& e) {
      return e.file() == "t.csv" && e.line() == 0 && contains(e, "t.csv: ") && contains(e, what);
    };
  };
  std::string flipped = good;
  flipped[20000] = static_cast<char>(flipped[20000] ^ 0x5a);
  BOOST_CHECK_EXCEPTION(dd::parse_csv(flipped, "t.csv"), dd::csv_error, is_gzip_error("corrupt gzip data"));
  std::string crc = good;
  crc[crc.size() - 6] = static_cast<char>(crc[crc.size() - 6] ^ 1);  // inside the CRC-32
  BOOST_CHECK_EXCEPTION(dd::parse_csv(crc, "t.csv"), dd::csv_error, is_gzip_error("incorrect data check"));
  BOOST_CHECK_EXCEPTION(dd::parse_csv(good.substr(0, good.size() / 2), "t.csv"), dd::csv_error,
                        is_gzip_error("truncated gzip data"));
  BOOST_CHECK_EXCEPTION(dd::parse_csv(good.substr(0, 2), "t.csv"), dd::csv_error,
                        is_gzip_error("truncated gzip data"));
  BOOST_CHECK_EXCEPTION(dd::parse_csv(good + "junk", "t.csv"), dd::csv_error,
                        is_gzip_error("4 trailing bytes"));
}

BOOST_AUTO_TEST_CASE(columns_by_index_negative_index_or_header_name) {
  const std::string text = "id,a,b,c,y\nA7,1,2,3,0\nB9,4,5,6,1\n";
  const auto d = dd::parse_csv(text, "t.csv", {.target = "y", .features = {"c", 1}});
  BOOST_TEST(d.features.cols == 2u);
  BOOST_TEST(d.features(0, 0) == 3.0);  // the order asked for; the text column is never read
  BOOST_TEST(d.features(0, 1) == 1.0);
  BOOST_TEST(d.features(1, 0) == 6.0);
  BOOST_TEST(d.targets.at(1) == 1.0);
  const auto first = dd::parse_csv("7,1,2\n8,3,4\n", "t.csv", {.target = 0});
  BOOST_TEST(first.features.cols == 2u);
  BOOST_TEST(first.targets.at(1) == 8.0);
  BOOST_TEST(first.features(1, 1) == 4.0);
  const auto neg = dd::parse_csv("7,1,2\n8,3,4\n", "t.csv", {.target = -2, .features = {-1}});
  BOOST_TEST(neg.targets.at(0) == 1.0);
  BOOST_TEST(neg.features(0, 0) == 2.0);
  const auto none = dd::parse_csv("7,1,2\n", "t.csv", {.target = dd::no_target});
  BOOST_TEST(none.features.cols == 3u);
  BOOST_TEST(none.targets.empty());
  const auto only_target = dd::parse_csv("1.5e+02\n75\n", "t.csv", {.target = 0});
  BOOST_TEST(only_target.features.cols == 0u);
  BOOST_TEST(only_target.targets.at(0) == 150.0);
}

BOOST_AUTO_TEST_CASE(bad_column_choices_are_errors) {
  const std::string text = "a,b,y\n1,2,0\n";
  BOOST_CHECK_EXCEPTION(dd::parse_csv(text, "t.csv", {.target = "z"}), dd::csv_error,
                        [](const dd::csv_error& e) {
                          return at(e, 1, 0) && contains(e, "no column named 'z'") && contains(e, "a, b, y");
                        });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2,0\n", "t.csv", {.target = "y"}), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 1, 0) && contains(e, "no header line"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("2,1,p,q\n1,0\n2,1\n", "t.csv", {.target = "p"}), dd::csv_error,
                        [](const dd::csv_error& e) { return contains(e, "scikit-learn"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv(text, "t.csv", {.target = 3}), dd::csv_error,
                        [](const dd::csv_error& e) {
                          return at(e, 1, 0) && contains(e, "column index 3 is out of range") &&
                                 contains(e, "3 fields");
                        });
  BOOST_CHECK_EXCEPTION(dd::parse_csv(text, "t.csv", {.target = -4}), dd::csv_error,
                        [](const dd::csv_error& e) { return contains(e, "column index -4 is out of range"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv(text, "t.csv", {.features = {"a", "y"}}), dd::csv_error,
                        [](const dd::csv_error& e) { return contains(e, "both a feature and the target"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv(text, "t.csv", {.features = {0, "a"}}), dd::csv_error,
                        [](const dd::csv_error& e) { return contains(e, "selected twice"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1\n2\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 1, 0) && contains(e, ".target = 0"); });
  BOOST_CHECK_EXCEPTION(
      dd::read_csv_xy("data/diabetes_data_raw.csv.gz", "data/iris.csv", {.delimiter = ' '}), dd::csv_error,
      [](const dd::csv_error& e) { return e.file() == "data/iris.csv"; });
  BOOST_CHECK_EXCEPTION(dd::read_csv_xy("data/diabetes_data_raw.csv.gz", "data/diabetes_target.csv.gz",
                                        {.delimiter = ' ', .target = 0}),
                        dd::csv_error, [](const dd::csv_error& e) { return contains(e, "leave .target unset"); });
}

BOOST_AUTO_TEST_CASE(class_labels_are_checked) {
  const auto ok = dd::parse_csv("1,0\n2,2\n3,1\n", "t.csv", {.classes = 3});
  BOOST_TEST(ok.labels == std::vector<std::size_t>({0, 2, 1}), boost::test_tools::per_element());
  BOOST_TEST(ok.classes == 3u);
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,0\n2,3\n", "t.csv", {.classes = 3}), dd::csv_error,
                        [](const dd::csv_error& e) {
                          return at(e, 2, 3) && contains(e, "label '3' is out of range for 3 classes (0..2)");
                        });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,-1\n", "t.csv", {.classes = 3}), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 1, 3) && contains(e, "out of range"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,0\n2,1.5\n", "t.csv", {.classes = 3}), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 2, 3) && contains(e, "not an integer"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,0\n", "t.csv", {.target = dd::no_target, .classes = 3}),
                        dd::csv_error, [](const dd::csv_error& e) { return contains(e, "no target column"); });
  BOOST_CHECK_EXCEPTION(dd::read_csv("data/digits.csv.gz", {.classes = 9}), dd::csv_error,
                        [](const dd::csv_error& e) {
                          return e.file() == "data/digits.csv.gz" && e.line() > 0 && e.column() > 0 &&
                                 contains(e, "label '9'");
                        });
}

BOOST_AUTO_TEST_CASE(each_kind_of_malformed_input_names_file_line_and_column) {
  // ragged rows, both ways
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2,3\n4,5,6,7\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 2, 7) && contains(e, "expected 3 fields, found 4"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2,3\r\n4,5\r\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 2, 4); });  // CRLF: the end of "4,5"
  BOOST_CHECK_EXCEPTION(dd::parse_csv("a,b,y\n4,5\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 2, 4) && contains(e, "as the header on line 1"); });
  // non-numbers, empty fields, NaN and Inf
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2\n3,4x\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 2, 3) && contains(e, "not a number: '4x'"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2\n3,+-4\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 2, 3) && contains(e, "not a number"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2\n ,4\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 2, 2) && contains(e, "field 1 is empty"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2\n3,NaN\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 2, 3) && contains(e, "is NaN"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2\n-inf,4\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 2, 1) && contains(e, "is infinite ('-inf')"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv<float>("1,2\n1e-50,4\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 2, 1) && contains(e, "underflows float"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2\n1,0.000" + std::string(400, '0') + "1\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) {
                          return contains(e, "underflows double") && contains(e, "(406 characters)");
                        });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2\n1," + std::string(400, '9') + "e-50\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return contains(e, "overflows double"); });
  // a semicolon inside a comma-separated file is named
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2\n3;4\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 2, 4) && contains(e, "';'"); });
  // the scikit-learn header's counts are checked
  BOOST_CHECK_EXCEPTION(dd::parse_csv("3,1,p,q\n1,0\n2,1\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 1, 0) && contains(e, "n_samples = 3 rows"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("2,2,p,q\n1,0\n2,1\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 1, 0) && contains(e, "n_features = 2"); });
  // files: missing, unreadable streams
  BOOST_CHECK_EXCEPTION(dd::read_csv("data/no_such_file.csv"), dd::csv_error, [](const dd::csv_error& e) {
    return e.file() == "data/no_such_file.csv" && contains(e, "No such file or directory");
  });
  std::ifstream missing("data/no_such_file.csv");
  BOOST_CHECK_EXCEPTION(dd::read_csv(missing, "mine"), dd::csv_error,
                        [](const dd::csv_error& e) { return e.file() == "mine" && contains(e, "not readable"); });
}

BOOST_AUTO_TEST_CASE(streams_with_a_display_name) {
  std::istringstream in("x,y\n1,2\n3,4\n");
  const auto d = dd::read_csv(in, "memory");
  BOOST_TEST(d.size() == 2u);
  BOOST_TEST(d.source == "memory");
  std::istringstream bad("1,2\n3,4,5\n");
  BOOST_CHECK_EXCEPTION(dd::read_csv(bad, "memory"), dd::csv_error, [](const dd::csv_error& e) {
    return e.file() == "memory" && e.line() == 2 && std::string(e.what()).rfind("memory:2:5:", 0) == 0;
  });
  // header forced present / absent
  const auto h = dd::parse_csv("1,2\n3,4\n", "t.csv", {.header = dd::csv_header::present});
  BOOST_TEST(h.size() == 1u);
  BOOST_TEST(h.header.at(1) == "2");
  BOOST_CHECK_EXCEPTION(dd::parse_csv("a,b\n3,4\n", "t.csv", {.header = dd::csv_header::absent}),
                        dd::csv_error, [](const dd::csv_error& e) { return at(e, 1, 1); });
}
