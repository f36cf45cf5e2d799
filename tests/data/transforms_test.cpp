// Splits (train/test and k-fold indices, select_rows), standardisation fitted on train and
// applied to test, one-hot encoding and its inverse, and the portable random numbers.
#include <descent/data.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

namespace dd = descent::data;

BOOST_AUTO_TEST_CASE(k_fold_indices_partition_and_balance) {
  const auto folds = dd::k_fold_indices(23, 5, 3);
  BOOST_REQUIRE(folds.size() == 5u);
  std::multiset<std::size_t> tested;
  for (std::size_t f = 0; f < 5; ++f) {
    BOOST_TEST(folds[f].test.size() == (f < 3 ? 5u : 4u));  // 23 = 5 + 5 + 5 + 4 + 4
    BOOST_TEST(folds[f].train.size() + folds[f].test.size() == 23u);
    std::set<std::size_t> all(folds[f].train.begin(), folds[f].train.end());
    all.insert(folds[f].test.begin(), folds[f].test.end());
    BOOST_TEST(all.size() == 23u);  // train and test are disjoint and cover every row
    tested.insert(folds[f].test.begin(), folds[f].test.end());
  }
  BOOST_TEST(tested.size() == 23u);
  for (std::size_t i = 0; i < 23; ++i) BOOST_TEST(tested.count(i) == 1u);  // each tested once
  BOOST_TEST((dd::k_fold_indices(23, 5, 3)[2].test == folds[2].test));
  BOOST_TEST((dd::k_fold_indices(23, 5, 4)[0].test != folds[0].test));
  BOOST_CHECK_THROW(dd::k_fold_indices(5, 1, 0), std::invalid_argument);
  BOOST_CHECK_THROW(dd::k_fold_indices(5, 6, 0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(split_indices_agree_with_the_data_split_and_carry_labels) {
  const auto d = dd::read_csv("data/iris.csv", {.classes = 3});
  const auto idx = dd::train_test_indices(d.size(), 0.2, 11);
  const auto s = dd::train_test_split(d, 0.2, 11);
  BOOST_TEST(s.test.size() == 30u);
  BOOST_TEST(s.train.size() == 120u);
  BOOST_TEST(s.test.labels.size() == 30u);
  BOOST_TEST(s.train.classes == 3u);
  for (std::size_t k = 0; k < idx.test.size(); ++k) {
    BOOST_TEST(s.test.labels[k] == d.labels[idx.test[k]]);
    BOOST_TEST(s.test.features(k, 2) == d.features(idx.test[k], 2));
  }
  const std::vector<std::size_t> bad{0, 150};
  BOOST_CHECK_EXCEPTION(dd::select_rows(d, bad), std::out_of_range, [](const std::exception& e) {
    const std::string w = e.what();
    return w.find("row 150") != std::string::npos && w.find("data/iris.csv") != std::string::npos;
  });
  BOOST_CHECK_THROW(dd::train_test_indices(10, 1.5, 0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(standardize_fits_on_train_and_applies_to_test) {
  auto s = dd::train_test_split(dd::read_csv("data/wine_data.csv", {.classes = 3}), 0.25, 1);
  const auto before = s.test.features;
  const auto z = dd::standardize(s);
  for (std::size_t j = 0; j < s.train.features.cols; ++j) {
    double mean = 0, sq = 0;
    for (std::size_t i = 0; i < s.train.size(); ++i) mean += s.train.features(i, j);
    mean /= static_cast<double>(s.train.size());
    for (std::size_t i = 0; i < s.train.size(); ++i) sq += std::pow(s.train.features(i, j) - mean, 2);
    BOOST_TEST(std::abs(mean) < 1e-12);
    BOOST_TEST(std::sqrt(sq / static_cast<double>(s.train.size())) == 1.0, boost::test_tools::tolerance(1e-12));
    // the test split got the training statistics, not its own
    BOOST_TEST(s.test.features(0, j) == (before(0, j) - z.mean[j]) / z.scale[j]);
  }
}

BOOST_AUTO_TEST_CASE(one_hot_and_argmax) {
  const std::vector<std::size_t> labels{2, 0, 1};
  const auto m = dd::one_hot(labels, 3);
  BOOST_TEST(m.rows == 3u);
  BOOST_TEST(m.cols == 3u);
  BOOST_TEST(m.values == std::vector<double>({0, 0, 1, 1, 0, 0, 0, 1, 0}), boost::test_tools::per_element());
  BOOST_TEST(dd::argmax_rows(m) == labels, boost::test_tools::per_element());
  const std::vector<std::size_t> out_of_range{0, 3};
  BOOST_CHECK_THROW(dd::one_hot(out_of_range, 3), std::out_of_range);
  const auto d = dd::read_csv("data/iris.csv", {.classes = 3});
  const auto y = dd::one_hot(d);
  BOOST_TEST(y.rows == 150u);
  BOOST_TEST(y(149, 2) == 1.0);
  BOOST_CHECK_THROW(dd::one_hot(dd::read_csv("data/iris.csv")), std::invalid_argument);  // no labels
  dd::matrix<double> scores(1, 3, 0.0);
  scores(0, 1) = std::nan("");
  BOOST_CHECK_THROW(dd::argmax_rows(scores), std::invalid_argument);
  dd::matrix<double> ties(1, 3, 5.0);
  BOOST_TEST(dd::argmax_rows(ties).at(0) == 0u);
}

BOOST_AUTO_TEST_CASE(random_numbers_are_portable_and_sound) {
  dd::splitmix64 g(0);
  BOOST_TEST(g() == 0xe220a8397b1dcdafULL);  // splitmix64's published first output for seed 0
  dd::splitmix64 h(123);
  std::vector<std::size_t> counts(7, 0);
  double lo = 1, hi = 0;
  for (int i = 0; i < 70000; ++i) {
    ++counts.at(dd::uniform_below(h, 7));
    const double u = dd::uniform01(h);
    lo = std::min(lo, u);
    hi = std::max(hi, u);
  }
  for (auto c : counts) BOOST_TEST(std::abs(static_cast<double>(c) - 10000.0) < 500.0);  // ~5 sigma
  BOOST_TEST(lo >= 0.0);
  BOOST_TEST(hi < 1.0);
  BOOST_TEST(dd::stream_seed(1, 0) != dd::stream_seed(1, 1));
  BOOST_TEST(dd::stream_seed(1, 0) != dd::stream_seed(2, 0));
  static_assert(dd::stream_seed(7, 3) == dd::stream_seed(7, 3));  // usable at compile time
}
