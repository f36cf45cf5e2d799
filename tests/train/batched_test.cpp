// descent::batched: one batch per evaluation, epoch after epoch, through descent::minimize;
// epochs(n, b) and on_epoch(b, fn).
#include <descent/data/pipeline.hpp>
#include <descent/optim/named.hpp>
#include <descent/train/batched.hpp>
#include <descent/train/minimize.hpp>

#include <boost/test/unit_test.hpp>

#include <memory>
#include <span>
#include <vector>

namespace {
// f(x) = mean over the rows of (x - t_i)^2 / 2, one parameter; on(rows) records the rows.
struct mean_of_squares {
  static constexpr std::size_t dimension = 1;
  std::vector<double> t;
  std::vector<std::size_t> rows;  // empty: all
  std::shared_ptr<std::vector<std::vector<std::size_t>>> log = std::make_shared<std::vector<std::vector<std::size_t>>>();

  mean_of_squares on(std::span<const std::size_t> r) const {
    mean_of_squares o = *this;
    o.rows.assign(r.begin(), r.end());
    log->push_back(o.rows);
    return o;
  }
  double operator()(std::span<const double> x, std::span<double> g) const {
    double f = 0, d = 0;
    for (std::size_t i : rows) {
      f += 0.5 * (x[0] - t[i]) * (x[0] - t[i]);
      d += x[0] - t[i];
    }
    g[0] = d / static_cast<double>(rows.size());
    return f / static_cast<double>(rows.size());
  }
};
mean_of_squares make_data(std::size_t n) {
  mean_of_squares m;
  for (std::size_t i = 0; i < n; ++i) m.t.push_back(static_cast<double>(i % 7) - 2.0);
  return m;
}
}  // namespace

BOOST_AUTO_TEST_CASE(each_evaluation_is_the_next_batch_epoch_after_epoch) {
  const auto obj = make_data(10);
  descent::data::batches b(10, descent::data::mini_batches(4, 5));  // 4, 4, 2
  auto f = descent::batched(obj, b);
  BOOST_TEST(f.batches_per_epoch() == 3u);
  std::vector<double> x{0.5}, g(1);
  for (int k = 0; k < 7; ++k) (void)f(std::span<const double>(x), std::span<double>(g));
  BOOST_TEST(f.epoch() == 2u);
  BOOST_TEST(f.batch() == 1u);
  BOOST_TEST(f.evaluations() == 7u);
  std::vector<std::vector<std::size_t>> expected;
  descent::data::batches again(10, descent::data::mini_batches(4, 5));
  for (std::size_t e = 0; e < 3; ++e)
    for (auto rows : again.epoch(e)) expected.emplace_back(rows.begin(), rows.end());
  expected.resize(7);
  BOOST_TEST_REQUIRE(obj.log->size() == expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) BOOST_TEST((*obj.log)[k] == expected[k], boost::test_tools::per_element());
  BOOST_TEST(((*obj.log)[0] != (*obj.log)[3]));  // a new order each epoch
}

BOOST_AUTO_TEST_CASE(minimize_over_batches_is_the_hand_written_sgd_loop) {
  const auto obj = make_data(25);
  for (auto opt : {descent::data::full_batch(), descent::data::sgd(3), descent::data::mini_batches(8, 3)}) {
    descent::data::batches b(25, opt);
    std::vector<double> x{4.0};
    auto sgd = descent::optim::sgd({.learning_rate = 0.1});
    std::size_t epochs_seen = 0;
    auto f = descent::batched(obj, b);
    const auto r = descent::minimize(f, x, sgd, descent::epochs(4, b),
                                     descent::on_epoch(b, [&](std::size_t e, const auto& s) {
                                       ++epochs_seen;
                                       BOOST_TEST(e == epochs_seen);
                                       BOOST_TEST(s.iteration == e * b.batches_per_epoch());
                                     }));
    BOOST_TEST(r.iterations == 4 * b.batches_per_epoch());
    BOOST_TEST(epochs_seen == 4u);
    // by hand: x -= 0.1 * mean over the batch of (x - t_i), batch after batch
    descent::data::batches hb(25, opt);
    double h = 4.0;
    for (std::size_t e = 0; e < 4; ++e)
      for (auto rows : hb.epoch(e)) {
        double d = 0;
        for (std::size_t i : rows) d += h - obj.t[i];
        h -= 0.1 * d / static_cast<double>(rows.size());
      }
    BOOST_TEST(x[0] == h, boost::test_tools::tolerance(1e-14));
  }
}

BOOST_AUTO_TEST_CASE(on_epoch_can_stop_the_run) {
  const auto obj = make_data(12);
  descent::data::batches b(12, descent::data::mini_batches(3, 1));
  std::vector<double> x{1.0};
  auto sgd = descent::optim::sgd({.learning_rate = 0.1});
  auto f = descent::batched(obj, b);
  const auto r = descent::minimize(f, x, sgd, descent::epochs(10, b),
                                   descent::on_epoch(b, [](std::size_t e, const auto&) { return e < 2; }));
  BOOST_TEST(r.iterations == 2 * b.batches_per_epoch());
  BOOST_TEST((r.reason == descent::stop_reason::callback));
  BOOST_TEST(r.message == "stopped by on_epoch");
}
