// The snippets of docs/data.md, compiled and run.  Each block between "// snippet: NAME"
// and "// end snippet" appears verbatim (up to indentation) in docs/data.md: the test
// data_docs_in_step checks it (tests/data/check_snippets.cmake).
#include <descent/data.hpp>
#include <descent/data/pipeline.hpp>
#include <descent/models/init.hpp>
#include <descent/models/metrics.hpp>

#include <boost/test/unit_test.hpp>

#include <span>
#include <sstream>
#include <string>
#include <vector>

namespace dd = descent::data;
namespace dm = descent::models;

BOOST_AUTO_TEST_SUITE(data_docs)

BOOST_AUTO_TEST_CASE(loading) {
  // snippet: load
  const auto digits = dd::read_csv("data/digits.csv.gz", {.classes = 10});  // gzip: by content
  BOOST_TEST(digits.size() == 1797u);       // rows
  BOOST_TEST(digits.features.cols == 64u);  // the last column became the target ...
  BOOST_TEST(digits.labels[1] == 1u);       // ... and, with .classes, an integer label 0..9
  // end snippet

  // snippet: columns
  std::istringstream csv("id,age,bmi,y\nA7,59,32.1,151\nB2,48,21.6,75\n");
  const auto d = dd::read_csv(csv, "patients.csv", {.target = "y", .features = {"bmi", 1}});
  BOOST_TEST(d.features(0, 0) == 32.1);  // bmi, then column 1 (age); 'id' is never parsed
  BOOST_TEST(d.features(0, 1) == 59.0);
  BOOST_TEST(d.targets[1] == 75.0);
  // end snippet

  // snippet: xy
  const auto diabetes = dd::read_csv_xy("data/diabetes_data_raw.csv.gz",
                                        "data/diabetes_target.csv.gz",
                                        {.delimiter = ' '});  // runs of spaces separate fields
  BOOST_TEST(diabetes.size() == 442u);
  BOOST_TEST(diabetes.features.cols == 10u);
  BOOST_TEST(diabetes.targets[0] == 151.0);
  // end snippet
}

BOOST_AUTO_TEST_CASE(errors) {
  // snippet: errors
  bool thrown = false;
  try {
    dd::parse_csv("x1,x2,y\n1,2,0\n3,4x,1\n", "mine.csv");
  } catch (const dd::csv_error& e) {
    thrown = true;
    BOOST_TEST(e.what() == std::string("mine.csv:3:3: field 2 is not a number: '4x'"));
    BOOST_TEST(e.file() == "mine.csv");
    BOOST_TEST(e.line() == 3u);
    BOOST_TEST(e.column() == 3u);
  }
  BOOST_TEST(thrown);
  // end snippet
}

BOOST_AUTO_TEST_CASE(splits_standardisation_one_hot_batches) {
  // snippet: split
  auto split = dd::train_test_split(dd::read_csv("data/wine_data.csv", {.classes = 3}), 0.25, 42);
  const auto z = dd::standardize(split);  // fitted on split.train, applied to both splits
  BOOST_TEST(split.test.size() == 45u);   // round(0.25 * 178)
  BOOST_TEST(z.mean.size() == 13u);
  const auto folds = dd::k_fold_indices(split.train.size(), 5, 42);  // 5 x {train, test}
  const auto held_out = dd::select_rows(split.train, folds[0].test);
  BOOST_TEST(held_out.size() == 27u);  // 133 rows: 27 + 27 + 27 + 26 + 26
  // end snippet

  // snippet: one_hot
  const auto y = dd::one_hot(split.train);  // rows x 3: a 1 at each row's label
  BOOST_TEST(y.cols == 3u);
  BOOST_TEST(dd::argmax_rows(y) == split.train.labels);  // and back
  // end snippet

  // snippet: batches
  dd::batches batches(split.train.size(), dd::mini_batches(32, 7));  // or sgd(7), full_batch()
  BOOST_TEST(batches.batches_per_epoch() == 5u);                     // 133 = 4 * 32 + 5
  double sum = 0;
  for (std::size_t epoch = 0; epoch < 3; ++epoch)
    for (std::span<const std::size_t> rows : batches.epoch(epoch))
      for (auto [x, target] : dd::examples(split.train, rows)) sum += x[0] * target;
  // end snippet
  BOOST_TEST(sum != 0.0);
}

BOOST_AUTO_TEST_CASE(metrics_and_init) {
  // snippet: metrics
  const std::vector<std::size_t> truth{0, 1, 2, 2}, guess{0, 2, 2, 2};
  BOOST_TEST(dm::accuracy(guess, truth) == 0.75);
  const auto c = dm::confusion_matrix(guess, truth, 3);  // c(t, p): true t, predicted p
  BOOST_TEST(c(1, 2) == 1u);
  const std::vector<double> y{3.0, -0.5, 2.0, 7.0}, p{2.5, 0.0, 2.0, 8.0};
  BOOST_TEST(dm::mean_squared_error(p, y) == 0.375);
  BOOST_TEST(dm::r2_score(p, y) == 0.9486081370449679);
  // end snippet

  // snippet: init
  std::vector<double> w1(64 * 32), w2(32 * 10);
  descent::data::splitmix64 rng(2024);
  dm::he_normal(w1, {.in = 64, .out = 32}, rng);       // a ReLU layer
  dm::xavier_uniform(w2, {.in = 32, .out = 10}, rng);  // continues the same stream
  std::vector<double> again(64 * 32);
  dm::he_normal(again, {.in = 64, .out = 32}, 2024);   // a seed instead of a generator
  BOOST_TEST(again == w1);
  // end snippet
}

BOOST_AUTO_TEST_SUITE_END()
