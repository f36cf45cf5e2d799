// Every schedule against its formula at chosen steps.  Values marked "torch" were printed
// by torch.optim.lr_scheduler 1.13 (the lr in effect at that step).
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

#include <descent/optim/block/learning_rate.hpp>
#include <descent/optim/chain.hpp>
#include <descent/optim/schedules.hpp>

namespace o = descent::optim;
using std::numbers::pi;

namespace {
bool close(double a, double b, double tol = 1e-14) {
  return std::abs(a - b) <= tol * std::max(std::abs(b), 1e-300) || a == b;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(schedules)

BOOST_AUTO_TEST_CASE(constant_step_multistep_exponential_inverse_time) {
  static_assert(o::schedule<o::constant_schedule> && o::schedule<o::cosine_decay>);
  static_assert(o::loss_aware_schedule<o::reduce_on_plateau>);
  static_assert(!o::loss_aware_schedule<o::cosine_decay>);
  BOOST_TEST(o::constant_schedule{0.3}(12345) == 0.3);
  const o::step_decay s{.init_value = 1.0, .step_size = 10, .gamma = 0.5};
  BOOST_TEST(s(0) == 1.0);
  BOOST_TEST(s(9) == 1.0);
  BOOST_TEST(s(10) == 0.5);  // exact at the milestone
  BOOST_TEST(s(25) == 0.25);
  const o::multi_step_decay m{.init_value = 2.0, .milestones = {3, 7, 7}, .gamma = 0.1};
  BOOST_TEST(m(2) == 2.0);
  BOOST_TEST(close(m(3), 0.2));
  BOOST_TEST(close(m(6), 0.2));
  BOOST_TEST(close(m(7), 0.002));  // a repeated milestone multiplies twice (torch)
  const o::exponential_decay e{.init_value = 1.0, .gamma = 0.9};
  BOOST_TEST(close(e(3), 0.729));
  const o::inverse_time_decay it{.init_value = 0.5, .decay_rate = 0.01};
  BOOST_TEST(close(it(100), 0.25));
  BOOST_TEST(it(0) == 0.5);
}

BOOST_AUTO_TEST_CASE(polynomial_and_cosine) {
  const o::polynomial_decay p{.init_value = 1.0, .power = 2.0, .decay_steps = 10};
  BOOST_TEST(p(0) == 1.0);
  BOOST_TEST(close(p(3), 0.48999999999999994));    // torch PolynomialLR
  BOOST_TEST(close(p(9), 0.009999999999999998));   // torch
  BOOST_TEST(p(10) == 0.0);
  BOOST_TEST(p(14) == 0.0);
  const o::polynomial_decay q{.init_value = 1.0, .end_value = 0.5, .power = 1, .decay_steps = 4};
  BOOST_TEST(close(q(2), 0.75));
  const o::cosine_decay c{.init_value = 1.0, .decay_steps = 100, .end_value = 0.1};
  BOOST_TEST(c(0) == 1.0);
  BOOST_TEST(close(c(25), 0.8681980515339464));  // torch CosineAnnealingLR
  BOOST_TEST(close(c(50), 0.55));
  BOOST_TEST(close(c(100), 0.1));
  BOOST_TEST(close(c(1000), 0.1));  // held after decay_steps
}

BOOST_AUTO_TEST_CASE(warm_restarts_exact_at_restarts) {
  const o::cosine_warm_restarts w{.init_value = 1.0, .period = 10, .period_mult = 2,
                                  .end_value = 0.01};
  // torch CosineAnnealingWarmRestarts(T_0=10, T_mult=2, eta_min=0.01)
  BOOST_TEST(w(0) == 1.0);
  BOOST_TEST(close(w(5), 0.505));
  BOOST_TEST(close(w(9), 0.034227024433899, 1e-12));
  BOOST_TEST(w(10) == 1.0);
  BOOST_TEST(close(w(20), 0.505));
  BOOST_TEST(close(w(29), 0.016094271405406858, 1e-12));
  BOOST_TEST(w(30) == 1.0);
  BOOST_TEST(close(w(69), 0.011525919802101658, 1e-12));
  BOOST_TEST(w(70) == 1.0);
}

BOOST_AUTO_TEST_CASE(one_cycle_matches_torch) {
  const o::one_cycle c{.max_value = 0.1, .total_steps = 100};
  BOOST_TEST(close(c(0), 0.0040000000000000036));
  BOOST_TEST(close(c(10), 0.029516394846410082, 1e-12));
  BOOST_TEST(close(c(29), 0.1));
  BOOST_TEST(close(c(30), 0.09994965352845243, 1e-12));
  BOOST_TEST(close(c(50), 0.0793893450575732, 1e-12));
  BOOST_TEST(close(c(99), 4e-07, 1e-9));
  const o::one_cycle l{.max_value = 0.1, .total_steps = 100, .three_phase = true, .cosine = false};
  BOOST_TEST(close(l(0), 0.004));
  BOOST_TEST(close(l(15), 0.05365517241379311, 1e-12));
  BOOST_TEST(close(l(29), 0.1));
  BOOST_TEST(close(l(45), 0.047034482758620696, 1e-12));
  BOOST_TEST(close(l(58), 0.004, 1e-12));
  BOOST_TEST(close(l(80), 0.0018538731707317072, 1e-12));
  BOOST_TEST(close(l(99), 4.0000000000022656e-07, 1e-9));
}

BOOST_AUTO_TEST_CASE(sequences_exact_at_milestones) {
  const o::linear_warmup<o::cosine_decay> w{
      .warmup_steps = 5, .start_value = 0.0, .then = {.init_value = 1.0, .decay_steps = 10}};
  BOOST_TEST(w(0) == 0.0);
  BOOST_TEST(close(w(2), 0.4));
  BOOST_TEST(w(5) == 1.0);  // exactly then(0) at the milestone
  BOOST_TEST(close(w(10), 0.5));
  BOOST_TEST(close(w(15), 0.0));
  const o::join_schedules<o::constant_schedule, o::exponential_decay> j{
      .first = {0.1}, .second = {.init_value = 1.0, .gamma = 0.5}, .boundary = 3};
  BOOST_TEST(j(2) == 0.1);
  BOOST_TEST(j(3) == 1.0);
  BOOST_TEST(j(5) == 0.25);
}

// torch ConstantLR / LinearLR, from their documented definitions (torch 1.13 docs):
//   ConstantLR(factor=0.5, total_iters=4), lr 0.05: 0.025 for epochs 0..3, then 0.05;
//   LinearLR(start_factor=0.5, total_iters=4), lr 0.05: 0.025, 0.03125, 0.0375, 0.04375,
//   then 0.05.  Closed forms: lr * factor while t < total_iters; lr * (start + (end - start)
//   * min(t, T) / T).
BOOST_AUTO_TEST_CASE(constant_and_linear_factor_match_torch) {
  static_assert(o::schedule<o::constant_factor> && o::schedule<o::linear_factor>);
  const o::constant_factor c{.init_value = 0.05, .factor = 0.5, .total_iters = 4};
  for (std::size_t t = 0; t < 4; ++t) BOOST_TEST(c(t) == 0.025, "step " << t);
  BOOST_TEST(c(4) == 0.05);
  BOOST_TEST(c(1000) == 0.05);
  const o::linear_factor l{.init_value = 0.05, .start_factor = 0.5, .total_iters = 4};
  const double torch_doc[] = {0.025, 0.03125, 0.0375, 0.04375, 0.05, 0.05, 0.05};
  for (std::size_t t = 0; t < 7; ++t) BOOST_TEST(close(l(t), torch_doc[t]), "step " << t);
  // torch's defaults (factor 1/3, 5 iterations), and a decreasing linear factor.
  BOOST_TEST(close(o::constant_factor{.init_value = 0.3}(4), 0.1));
  BOOST_TEST(o::constant_factor{.init_value = 0.3}(5) == 0.3);
  const o::linear_factor down{.init_value = 1.0, .start_factor = 1.0, .end_factor = 0.0, .total_iters = 10};
  BOOST_TEST(close(down(3), 0.7));
  BOOST_TEST(down(10) == 0.0);
  BOOST_TEST(down(11) == 0.0);
  // Their ranges (torch's): factor in [0, 1], start_factor in (0, 1], end_factor in [0, 1].
  BOOST_CHECK_NO_THROW((o::chain<o::scale_by_learning_rate<o::constant_factor>>{{{.factor = 0.0}}}));
  BOOST_CHECK_EXCEPTION(
      (o::chain<o::scale_by_learning_rate<o::constant_factor>>{{{.factor = 1.5}}}), std::invalid_argument,
      [](const std::invalid_argument& e) {
        return std::string(e.what()) ==
               "descent::optim::scale_by_learning_rate: learning_rate.factor = 1.5 is outside [0, 1]";
      });
  BOOST_CHECK_THROW((o::chain<o::scale_by_learning_rate<o::linear_factor>>{{{.start_factor = 0.0}}}),
                    std::invalid_argument);
  BOOST_CHECK_THROW((o::chain<o::scale_by_learning_rate<o::linear_factor>>{{{.total_iters = 0}}}),
                    std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(schedules_inside_schedules_pass_the_loss_on) {
  // A plateau schedule after a warmup sees every loss (and its state is checkpointed,
  // tests/optim/blocks.cpp).
  static_assert(o::loss_aware_schedule<o::linear_warmup<o::reduce_on_plateau>>);
  static_assert(o::loss_aware_schedule<o::join_schedules<o::constant_schedule, o::reduce_on_plateau>>);
  static_assert(!o::loss_aware_schedule<o::linear_warmup<o::cosine_decay>>);
  o::chain<o::scale_by_learning_rate<o::linear_warmup<o::reduce_on_plateau>>> opt{
      {{.warmup_steps = 1, .then = {.init_value = 1.0, .factor = 0.5, .patience = 0}}}};
  std::vector<double> x{0.0}, g{1.0};
  for (int t = 0; t < 3; ++t) opt.step(x, g, 1.0);  // flat: halved after each bad step
  BOOST_TEST(opt.block<0>().current() == 0.25);
}

BOOST_AUTO_TEST_CASE(reduce_on_plateau_sees_the_loss_through_step) {
  // torch ReduceLROnPlateau(factor=0.5, patience=2, cooldown=1) after each of these losses:
  const std::vector<double> loss{10, 9, 9, 9, 9, 9, 9, 8.9999, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
  const std::vector<double> torch_lr{1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.25,
                                     0.25, 0.25, 0.25, 0.125, 0.125, 0.125, 0.125, 0.0625,
                                     0.0625, 0.0625};
  o::chain<o::scale_by_learning_rate<o::reduce_on_plateau>> opt{
      {{.init_value = 1.0, .factor = 0.5, .patience = 2, .cooldown = 1}}};
  std::vector<double> x{0.0}, g{1.0};
  for (std::size_t t = 0; t + 1 < loss.size(); ++t) {
    const double before = x[0];
    opt.step(x, g, loss[t]);  // the rate of this step is decided after seeing loss[t]
    BOOST_TEST(before - x[0] == torch_lr[t + 1], "step " << t);
  }
}

BOOST_AUTO_TEST_CASE(schedule_validation) {
  BOOST_CHECK_EXCEPTION(
      (o::chain<o::scale_by_learning_rate<o::step_decay>>{{{.step_size = 0}}}), std::invalid_argument,
      [](const std::invalid_argument& e) {
        return std::string(e.what()) ==
               "descent::optim::scale_by_learning_rate: learning_rate.step_size = 0 is outside [1, inf)";
      });
  BOOST_CHECK_THROW((o::chain<o::scale_by_learning_rate<>>{{{-1.0}}}), std::invalid_argument);
  BOOST_CHECK_THROW((o::chain<o::scale_by_learning_rate<o::multi_step_decay>>{
                        {{.milestones = {5, 3}}}}),
                    std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
