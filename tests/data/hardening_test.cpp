// Inputs that used to be accepted silently and gave wrong results (issue 11, "Data"): each
// is now a clear error, or handled as documented.  Every case here failed before the fix.
#include <descent/data/csv.hpp>
#include <descent/data/standardize.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

namespace dd = descent::data;

namespace {
bool contains(const std::exception& e, const std::string& s) {
  BOOST_TEST_MESSAGE(e.what());
  return std::string(e.what()).find(s) != std::string::npos;
}
// The message starts with "t.csv:LINE:COLUMN:" and the accessors agree.
bool at(const dd::csv_error& e, std::size_t line, std::size_t column) {
  const std::string prefix = "t.csv:" + std::to_string(line) +
                             (column != 0 ? ":" + std::to_string(column) : std::string()) + ": ";
  BOOST_TEST_MESSAGE(e.what());
  return e.file() == "t.csv" && e.line() == line && e.column() == column &&
         std::string(e.what()).rfind(prefix, 0) == 0;
}
}  // namespace

BOOST_AUTO_TEST_CASE(empty_and_header_only_files_are_errors_naming_the_file) {
  BOOST_CHECK_EXCEPTION(dd::parse_csv("", "t.csv"), dd::csv_error, [](const dd::csv_error& e) {
    return e.file() == "t.csv" && contains(e, "t.csv") && contains(e, "empty");
  });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("\n \r\n\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return contains(e, "no data rows"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("a,b,y\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) {
                          return contains(e, "t.csv") && contains(e, "only a header");
                        });
}

BOOST_AUTO_TEST_CASE(a_directory_is_an_error_naming_it) {
  BOOST_CHECK_EXCEPTION(dd::read_csv("data/reference"), dd::csv_error, [](const dd::csv_error& e) {
    return e.file() == "data/reference" && contains(e, "data/reference") &&
           contains(e, "is a directory");
  });
}

BOOST_AUTO_TEST_CASE(header_detection_never_eats_a_data_row) {
  // a non-number in the first row: neither a header (1 and 3 are numbers) nor data
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,x,3\n4,5,6\n7,8,9\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 1, 3) && contains(e, "'x'"); });
  // a UTF-8 byte-order mark is skipped: the first row stays data
  const auto bom = dd::parse_csv("\xEF\xBB\xBF" "1,2\n3,4\n", "t.csv");
  BOOST_TEST(bom.size() == 2u);
  BOOST_TEST(bom.header.empty());
  BOOST_TEST(bom.features(0, 0) == 1.0);
  const auto bom_header = dd::parse_csv("\xEF\xBB\xBF" "a,y\n3,4\n", "t.csv");
  BOOST_TEST(bom_header.header.at(0) == "a");
  // a line of empty fields is not a header either
  BOOST_CHECK_EXCEPTION(dd::parse_csv(",,\n1,2,3\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 1, 1) && contains(e, "empty"); });
  // every field non-numeric: a header
  const auto named = dd::parse_csv("a,b,y\n1,2,3\n", "t.csv");
  BOOST_TEST(named.size() == 1u);
  BOOST_TEST(named.header.size() == 3u);
}

BOOST_AUTO_TEST_CASE(underflow_and_overflow_say_what_they_are) {
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,1e-400\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) {
                          return at(e, 1, 3) && contains(e, "field 2 '1e-400' underflows double") &&
                                 !contains(e, "header");
                        });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,-1e400\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return at(e, 1, 3) && contains(e, "overflows"); });
  // subnormal values are accepted as they are
  BOOST_TEST(dd::parse_csv("1,1e-310\n", "t.csv").targets.at(0) == 1e-310);
}

BOOST_AUTO_TEST_CASE(a_wrong_delimiter_is_named) {
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1;2;3\n4;5;6\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) {
                          return e.line() == 1 && contains(e, "';'") && contains(e, "delimiter");
                        });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("a;b;y\n4;5;6\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return e.line() == 1 && contains(e, "';'"); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1\t2\t3\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return e.line() == 1 && contains(e, "tab"); });
}

BOOST_AUTO_TEST_CASE(standardizer_constant_columns_get_scale_one_and_become_zero) {
  dd::matrix<double> m(3, 1, 0.1);  // 0.1 + 0.1 + 0.1 != 0.3: the naive mean is off by an ulp
  const auto s = dd::standardizer<double>::fit(m);
  BOOST_TEST(s.mean[0] == 0.1);
  BOOST_TEST(s.scale[0] == 1.0);
  s.transform(m);
  for (double v : m.values) BOOST_TEST(v == 0.0);
}

BOOST_AUTO_TEST_CASE(standardizer_large_values_are_exact_or_an_error) {
  dd::matrix<double> m(2, 1);
  m(0, 0) = 1e200;
  m(1, 0) = -1e200;
  const auto s = dd::standardizer<double>::fit(m);
  BOOST_TEST(s.scale[0] == 1e200);
  s.transform(m);
  BOOST_TEST(m(0, 0) == 1.0);
  BOOST_TEST(m(1, 0) == -1.0);
  // (x - mean) itself overflows when it is applied to a far-away value: an error, not inf
  dd::matrix<double> far(1, 1, -1.7e308);
  dd::matrix<double> near(2, 1);
  near(0, 0) = 1.7e308;
  near(1, 0) = 1.6e308;
  const auto t = dd::standardizer<double>::fit(near);
  BOOST_CHECK_EXCEPTION(t.transform(far), std::invalid_argument, [](const std::exception& e) {
    return contains(e, "row 0, column 0") && contains(e, "overflow");
  });
  // non-finite training data is named, not averaged into NaN
  dd::matrix<double> bad(2, 2, 1.0);
  bad(1, 1) = std::nan("");
  BOOST_CHECK_EXCEPTION(dd::standardizer<double>::fit(bad), std::invalid_argument,
                        [](const std::exception& e) {
                          return contains(e, "row 1, column 1") && contains(e, "NaN");
                        });
}
