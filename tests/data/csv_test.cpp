// CSV reading, standardisation and the deterministic split.
#include <descent/data.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <set>
#include <string>

namespace dd = descent::data;

namespace {
// The error's message must name file, line and column, and the accessors must agree.
bool error_at(const dd::csv_error& e, std::size_t line, std::size_t column) {
  const std::string prefix = "t.csv:" + std::to_string(line) + ":" + std::to_string(column) + ":";
  BOOST_TEST_MESSAGE(e.what());
  return e.file() == "t.csv" && e.line() == line && e.column() == column &&
         std::string(e.what()).rfind(prefix, 0) == 0;
}
}  // namespace

BOOST_AUTO_TEST_CASE(reads_breast_cancer) {
  const auto d = dd::read_csv("data/breast_cancer.csv");
  BOOST_TEST(d.features.rows == 569u);
  BOOST_TEST(d.features.cols == 30u);
  BOOST_TEST(d.targets.size() == 569u);
  BOOST_TEST(d.header.size() == 4u);
  BOOST_TEST(d.header[2] == "malignant");
  BOOST_TEST(d.features(0, 0) == 17.99);
  BOOST_TEST(d.features(0, 29) == 0.1189);
  BOOST_TEST(d.targets[0] == 0.0);
  std::size_t benign = 0;
  for (double t : d.targets) {
    BOOST_TEST((t == 0.0 || t == 1.0));
    benign += t == 1.0;
  }
  BOOST_TEST(benign == 357u);  // 212 malignant, 357 benign
}

BOOST_AUTO_TEST_CASE(headers_blank_lines_crlf_and_options) {
  const auto d = dd::parse_csv<float>("a,b,y\r\n1, 2.5 ,0\r\n\r\n-3,+4e1,1\r\n", "mem");
  BOOST_TEST(d.header.size() == 3u);
  BOOST_TEST(d.features.rows == 2u);
  BOOST_TEST(d.features(1, 1) == 40.0f);
  BOOST_TEST(d.targets[1] == 1.0f);
  const auto n = dd::parse_csv("1;2\n3;4", "mem", {.delimiter = ';', .target = dd::no_target});
  BOOST_TEST(n.header.empty());
  BOOST_TEST(n.features.cols == 2u);
  BOOST_TEST(n.targets.empty());
  BOOST_TEST(n.features(1, 0) == 3.0);
}

BOOST_AUTO_TEST_CASE(malformed_input_names_file_line_and_column) {
  BOOST_CHECK_EXCEPTION(dd::parse_csv("h,h\n1,2\n3,4,5\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return error_at(e, 3, 5); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2,3\n4,5\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return error_at(e, 2, 4); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2\n3, x4\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) {
                          return error_at(e, 2, 4) &&
                                 std::string(e.what()).find("'x4'") != std::string::npos;
                        });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2\n3,\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return error_at(e, 2, 3); });
  BOOST_CHECK_EXCEPTION(dd::parse_csv("1,2\n3,nan\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return error_at(e, 2, 3); });
  // a header demanded but a second non-numeric line is an error, not another header
  BOOST_CHECK_EXCEPTION(dd::parse_csv("a,b\nc,d\n", "t.csv"), dd::csv_error,
                        [](const dd::csv_error& e) { return error_at(e, 2, 1); });
  BOOST_CHECK_EXCEPTION(dd::read_csv("data/no_such_file.csv"), dd::csv_error,
                        [](const dd::csv_error& e) {
                          return std::string(e.what()).find("data/no_such_file.csv") !=
                                 std::string::npos;
                        });
}

BOOST_AUTO_TEST_CASE(standardizer_fits_on_train_only) {
  dd::matrix<double> m(3, 2);
  m(0, 0) = 1; m(1, 0) = 2; m(2, 0) = 3;
  m(0, 1) = 5; m(1, 1) = 5; m(2, 1) = 5;  // constant column
  const auto s = dd::standardizer<double>::fit(m);
  BOOST_TEST(s.mean[0] == 2.0);
  BOOST_TEST(s.scale[0] == std::sqrt(2.0 / 3.0));
  BOOST_TEST(s.scale[1] == 1.0);
  dd::matrix<double> other(1, 2);
  other(0, 0) = 2 + std::sqrt(2.0 / 3.0);
  other(0, 1) = 6;
  s.transform(other);
  BOOST_TEST(other(0, 0) == 1.0, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(other(0, 1) == 1.0);
  dd::matrix<double> wrong(1, 3);
  BOOST_CHECK_THROW(s.transform(wrong), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(split_is_deterministic_and_a_partition) {
  const auto d = dd::read_csv("data/breast_cancer.csv");
  const auto a = dd::train_test_split(d, 0.25, 42);
  const auto b = dd::train_test_split(d, 0.25, 42);
  const auto c = dd::train_test_split(d, 0.25, 43);
  BOOST_TEST(a.test.size() == 142u);  // round(0.25 * 569)
  BOOST_TEST(a.train.size() == 427u);
  BOOST_TEST(a.test.features.values == b.test.features.values);
  BOOST_TEST(a.train.targets == b.train.targets);
  BOOST_TEST(a.test.features.values != c.test.features.values);
  // a partition: every row appears exactly once (rows of this data set are distinct)
  std::set<std::vector<double>> rows;
  for (const auto* part : {&a.train, &a.test})
    for (std::size_t i = 0; i < part->size(); ++i)
      rows.emplace(part->features.row(i).begin(), part->features.row(i).end());
  BOOST_TEST(rows.size() == 569u);
  // pinned: the permutation must not change between platforms or releases
  const auto idx = dd::shuffled_indices(10, 7);
  BOOST_TEST(idx[0] == 8u);
  BOOST_TEST(idx[1] == 1u);
  BOOST_TEST(idx[9] == 7u);
  BOOST_TEST((std::set<std::size_t>(idx.begin(), idx.end()).size() == 10u));
}
