// The range-v3 batch pipeline: full batch, SGD and mini-batches as options of one pipeline;
// seeded per-epoch order that is the same on every compiler (pinned values) and independent
// of the epochs drawn before; batches partition the epoch; examples() zips rows and targets.
#include <descent/data/pipeline.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <numeric>
#include <set>
#include <vector>

namespace dd = descent::data;

namespace {
std::vector<std::vector<std::size_t>> collect(dd::batches& b, std::size_t epoch) {
  std::vector<std::vector<std::size_t>> out;
  for (std::span<const std::size_t> rows : b.epoch(epoch)) out.emplace_back(rows.begin(), rows.end());
  return out;
}
}  // namespace

BOOST_AUTO_TEST_CASE(full_batch_sgd_and_mini_batches_are_one_pipeline) {
  dd::batches full(10, dd::full_batch());
  const auto f = collect(full, 3);
  BOOST_TEST(f.size() == 1u);
  BOOST_TEST(full.batches_per_epoch() == 1u);
  BOOST_TEST(full.batch_size() == 10u);
  std::vector<std::size_t> in_order(10);
  std::iota(in_order.begin(), in_order.end(), std::size_t{0});
  BOOST_TEST(f[0] == in_order, boost::test_tools::per_element());  // no shuffle: sums keep their order

  dd::batches one(10, dd::sgd(5));
  const auto s = collect(one, 0);
  BOOST_TEST(s.size() == 10u);
  BOOST_TEST(one.batches_per_epoch() == 10u);
  for (const auto& b : s) BOOST_TEST(b.size() == 1u);

  dd::batches mini(10, dd::mini_batches(4, 5));
  const auto m = collect(mini, 0);
  BOOST_TEST(mini.batches_per_epoch() == 3u);
  BOOST_REQUIRE(m.size() == 3u);
  BOOST_TEST(m[0].size() == 4u);
  BOOST_TEST(m[2].size() == 2u);  // the remainder
  // SGD and mini-batches of the same seed visit rows in the same order
  std::vector<std::size_t> sgd_order, mini_order;
  for (const auto& b : s) sgd_order.insert(sgd_order.end(), b.begin(), b.end());
  for (const auto& b : m) mini_order.insert(mini_order.end(), b.begin(), b.end());
  BOOST_TEST(sgd_order == mini_order, boost::test_tools::per_element());
  // each epoch is a permutation of the rows
  BOOST_TEST((std::set<std::size_t>(mini_order.begin(), mini_order.end()).size() == 10u));

  dd::batches dropped(10, {.size = 4, .seed = 5, .drop_last = true});
  BOOST_TEST(dropped.batches_per_epoch() == 2u);
  BOOST_TEST(dropped.rows() == 8u);
  BOOST_TEST(collect(dropped, 0).size() == 2u);
  dd::batches bigger(3, dd::mini_batches(32, 1));  // a batch larger than the data: one batch
  BOOST_TEST(bigger.batches_per_epoch() == 1u);
  BOOST_TEST(collect(bigger, 0).at(0).size() == 3u);
  static_assert(dd::batch_source<dd::batches>);
}

BOOST_AUTO_TEST_CASE(epochs_are_seeded_reproducible_and_independent) {
  dd::batches a(100, dd::mini_batches(8, 42)), b(100, dd::mini_batches(8, 42)), c(100, dd::mini_batches(8, 43));
  const auto a0 = collect(a, 0), a1 = collect(a, 1), a7 = collect(a, 7);
  BOOST_TEST((a0 != a1));                // a new order each epoch
  BOOST_TEST((collect(b, 7) == a7));     // epoch 7 without drawing epochs 0..6 first (resume)
  BOOST_TEST((collect(b, 0) == a0));
  BOOST_TEST((collect(c, 0) != a0));     // another seed, another order
  BOOST_TEST((collect(a, 0) == a0));     // calling again gives the same
  // pinned: the order must not change between compilers, standard libraries or releases
  const std::vector<std::size_t> first{a0[0].begin(), a0[0].end()};
  BOOST_TEST_MESSAGE("epoch 0, batch 0: " << first[0] << " " << first[1] << " " << first[2] << " "
                                          << first[3] << " " << first[4] << " " << first[5] << " "
                                          << first[6] << " " << first[7]);
  const std::vector<std::size_t> pinned{55, 24, 30, 98, 34, 12, 7, 49};
  BOOST_TEST(first == pinned, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(batches_over_a_subset_of_rows_and_a_k_fold) {
  const auto folds = dd::k_fold_indices(23, 5, 9);
  for (const auto& fold : folds) {
    dd::batches b(fold.train, dd::mini_batches(4, 1));
    BOOST_TEST(b.rows() == fold.train.size());
    std::vector<std::size_t> seen;
    for (auto rows : b.epoch(2)) seen.insert(seen.end(), rows.begin(), rows.end());
    std::sort(seen.begin(), seen.end());
    auto train = fold.train;
    std::sort(train.begin(), train.end());
    BOOST_TEST(seen == train, boost::test_tools::per_element());
  }
  BOOST_CHECK_THROW(dd::batches(std::vector<std::size_t>{}, dd::sgd(1)), std::invalid_argument);
  BOOST_CHECK_THROW(dd::batches(3, {.size = 4, .drop_last = true}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(examples_zip_feature_rows_with_targets) {
  dd::dataset<double> d;
  d.features = dd::matrix<double>(4, 2);
  for (std::size_t i = 0; i < 4; ++i) {
    d.features(i, 0) = static_cast<double>(i);
    d.features(i, 1) = 10.0 * static_cast<double>(i);
    d.targets.push_back(100.0 * static_cast<double>(i));
  }
  const std::vector<std::size_t> rows{3, 1};
  std::vector<double> xs, ys;
  for (auto [x, y] : dd::examples(d, rows)) {
    xs.push_back(x[1]);
    ys.push_back(y);
  }
  BOOST_TEST(xs == std::vector<double>({30.0, 10.0}), boost::test_tools::per_element());
  BOOST_TEST(ys == std::vector<double>({300.0, 100.0}), boost::test_tools::per_element());
  const std::vector<std::size_t> outside{4};
  BOOST_CHECK_THROW(for (auto e : dd::examples(d, outside)) (void)e, std::out_of_range);
  d.targets.pop_back();
  BOOST_CHECK_THROW((void)dd::examples(d, rows), std::invalid_argument);
}
