// Stopping rules and their composition.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include <descent/train/first_order.hpp>
#include <descent/train/minimize.hpp>
#include <descent/train/stop.hpp>

#include "support.hpp"

using namespace train_test;

namespace {
// f = 1 with zero gradient: the loss never changes.
double flat(std::span<const double>, std::span<double> g) {
  for (auto& v : g) v = 0;
  return 1.0;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(train_stop)

BOOST_AUTO_TEST_CASE(max_iterations_zero_and_already_converged) {
  std::vector<double> x{1.0};
  plain_gd gd;
  auto r = descent::minimize(quadratic{}, x, gd, descent::max_iterations{0});
  BOOST_TEST(r.iterations == 0u);
  BOOST_TEST(r.evaluations == 1u);
  BOOST_TEST(x[0] == 1.0);
  std::vector<double> at_min{0.0};
  r = descent::minimize(quadratic{}, at_min, gd, descent::gradient_norm_below{1e-12});
  BOOST_TEST(r.iterations == 0u);
  BOOST_TEST(r.reason == descent::stop_reason::gradient_norm);
}

BOOST_AUTO_TEST_CASE(gradient_norm_below_stops_at_the_first_iterate_below) {
  std::vector<double> x{1.0, 1.0};
  plain_gd gd{.lr = 0.1};
  const auto r = descent::minimize(quadratic{}, x, gd,
                                   descent::max_iterations{10'000} ||
                                       descent::gradient_norm_below{1e-6});
  BOOST_TEST(r.reason == descent::stop_reason::gradient_norm);
  BOOST_TEST(r.grad_norm < 1e-6);
  // One iteration fewer would not be below: rerun to iterations - 1.
  std::vector<double> y{1.0, 1.0};
  const auto r2 = descent::minimize(quadratic{}, y, gd, descent::max_iterations{r.iterations - 1});
  BOOST_TEST(r2.grad_norm >= 1e-6);
  BOOST_TEST(r.message.find("gradient norm ") == 0u);
  BOOST_TEST(r.message.find("below 1e-06 at iteration " + std::to_string(r.iterations)) !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(relative_loss_change_with_patience) {
  std::vector<double> x{1.0};
  plain_gd gd;
  auto r = descent::minimize(flat, x, gd, descent::relative_loss_change_below{1e-9});
  BOOST_TEST(r.iterations == 1u);
  BOOST_TEST(r.reason == descent::stop_reason::loss_change);
  const descent::relative_loss_change_below rule{.tol = 1e-9, .patience = 4};
  r = descent::minimize(flat, x, gd, rule);
  BOOST_TEST(r.iterations == 4u);
  r = descent::minimize(flat, x, gd, rule);  // the loop copies the rule: same answer
  BOOST_TEST(r.iterations == 4u);
  BOOST_TEST(r.message == "relative loss change 0 below 1e-09 for 4 iteration(s) at iteration 4");
}

BOOST_AUTO_TEST_CASE(relative_loss_change_resets_its_count) {
  // Losses: 1, 1, 2, 2, 2 ... a change in between restarts the count.
  int calls = 0;
  auto f = [&calls](std::span<const double>, std::span<double> g) {
    g[0] = 0;
    return calls++ < 2 ? 1.0 : 2.0;
  };
  std::vector<double> x{0.0};
  plain_gd gd;
  const auto r = descent::minimize(f, x, gd, descent::relative_loss_change_below{1e-9, 2});
  // it1: 1->1 (count 1); it2: 1->2 (reset); it3: 2->2 (1); it4: 2->2 (2) stop
  BOOST_TEST(r.iterations == 4u);
}

BOOST_AUTO_TEST_CASE(wall_time_budget_stops_a_slow_run) {
  auto slow = [](std::span<const double> x, std::span<double> g) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    g[0] = 2 * x[0];
    return x[0] * x[0];
  };
  std::vector<double> x{1.0};
  plain_gd gd;
  const auto r = descent::minimize(slow, x, gd,
                                   descent::wall_time_budget{std::chrono::milliseconds(30)} ||
                                       descent::max_iterations{1000});
  BOOST_TEST(r.reason == descent::stop_reason::wall_time);
  BOOST_TEST(r.seconds >= 0.03);
  BOOST_TEST(r.iterations < 1000u);
  BOOST_TEST(r.message.find("wall-time budget of 0.03 s used up") == 0u);
}

BOOST_AUTO_TEST_CASE(max_evaluations_counts_line_search_evaluations) {
  std::vector<double> x{-1.2, 1.0};
  backtracking_gd m;
  const auto r = descent::minimize(rosenbrock{}, x, m, descent::max_evaluations{25});
  BOOST_TEST(r.reason == descent::stop_reason::max_evaluations);
  BOOST_TEST(r.evaluations >= 25u);
  BOOST_TEST(r.iterations < 24u);  // line search: more than one evaluation per step
}

BOOST_AUTO_TEST_CASE(or_reports_the_rule_that_fired) {
  std::vector<double> x{1.0, 1.0};
  plain_gd gd{.lr = 0.1};
  auto r = descent::minimize(quadratic{}, x, gd,
                             descent::gradient_norm_below{1e-300} || descent::max_iterations{3} ||
                                 descent::max_evaluations{1000});
  BOOST_TEST(r.reason == descent::stop_reason::max_iterations);
  BOOST_TEST(r.iterations == 3u);
}

BOOST_AUTO_TEST_CASE(and_needs_both) {
  std::vector<double> x{1.0};
  plain_gd gd{.lr = 0.1};
  // max_evaluations{2} holds from iteration 1 on, max_iterations{3} from 3 on.
  const auto r = descent::minimize(quadratic{}, x, gd,
                                   descent::max_iterations{3} && descent::max_evaluations{2});
  BOOST_TEST(r.iterations == 3u);
  BOOST_TEST(r.reason == descent::stop_reason::max_iterations);
  BOOST_TEST(r.message ==
             "reached max_iterations (3) and reached max_evaluations (2): 4 evaluations at "
             "iteration 3");
}

struct loss_below {  // a user's own rule
  double level;
  template <class T>
  descent::stop_decision check(const descent::iteration_state<T>& s) const {
    if (s.loss >= level) return {};
    return {descent::stop_reason::user_rule, "loss below the level"};
  }
};

BOOST_AUTO_TEST_CASE(user_rule_composes) {
  std::vector<double> x{1.0};
  plain_gd gd{.lr = 0.1};
  const auto r =
      descent::minimize(quadratic{}, x, gd, descent::max_iterations{100} || loss_below{0.01});
  BOOST_TEST(r.reason == descent::stop_reason::user_rule);
  BOOST_TEST(r.loss < 0.01);
  BOOST_TEST(descent::to_string(r.reason) == "user_rule");
}

BOOST_AUTO_TEST_CASE(float_params_with_rules) {
  std::vector<float> x{1.0f, -1.0f};
  plain_gd gd{.lr = 0.1};
  const auto r = descent::minimize(quadratic{}, x, gd,
                                   descent::gradient_norm_below{1e-3} ||
                                       descent::max_iterations{1000});
  BOOST_TEST(r.reason == descent::stop_reason::gradient_norm);
  BOOST_TEST(r.grad_norm < 1e-3f);
}

BOOST_AUTO_TEST_SUITE_END()
