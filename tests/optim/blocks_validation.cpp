// Optimizers and blocks: validation of hyperparameters naming the optimizer or block and the
// field (named optimizers, custom chains, schedules, masks, L-BFGS, parameter groups), checked()
// at compile time, step() argument errors, and printing every field
// (tests/optim/blocks_support.hpp).
#include <boost/test/unit_test.hpp>

#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <descent/optim.hpp>
#include <descent/second_order/lbfgs.hpp>

#include "blocks_support.hpp"

namespace o = descent::optim;
using namespace blocks_support;

BOOST_AUTO_TEST_SUITE(blocks)

BOOST_AUTO_TEST_CASE(validation_names_the_parameter) {
  BOOST_TEST(message_of([] { (void)o::adam({.beta1 = 1.5}); }) ==
             "descent::optim::adam: beta1 = 1.5 is outside [0, 1)");
  BOOST_TEST(message_of([] { (void)o::sgd({.learning_rate = -0.1}); }) ==
             "descent::optim::sgd: learning_rate = -0.10000000000000001 is outside [0, inf)");
  BOOST_TEST(message_of([] { (void)o::rmsprop({.eps = 0}); }) ==
             "descent::optim::rmsprop: eps = 0 is outside (0, inf)");
  BOOST_TEST(message_of([] { (void)o::adamw({.beta2 = 1.0}); }) ==
             "descent::optim::adamw: beta2 = 1 is outside [0, 1)");
  BOOST_TEST(message_of([] { (void)o::sgd({.momentum = 0.9, .dampening = 0.1, .nesterov = true}); }) ==
             "descent::optim::sgd: nesterov momentum requires momentum > 0 and dampening = 0");
  BOOST_TEST(message_of([] { (void)o::adagrad({.lr_decay = 0.1}, o::cosine_decay{}); }) ==
             "descent::optim::adagrad: lr_decay must be 0 when a schedule is given");
  BOOST_TEST(message_of([] { (void)o::rprop({.eta_plus = 0.9}); }) ==
             "descent::optim::rprop: eta_plus = 0.90000000000000002 is outside (1, inf)");
  // checked() accepts good constants at compile time (bad ones: tests/optim/fail_checked_beta.cpp).
  constexpr auto ok = o::checked(o::adam_options{.beta2 = 0.99});
  BOOST_TEST(ok.beta2 == 0.99);
  auto opt = o::adam(ok);
  std::vector<double> x{1.0}, g{1.0}, h{1.0, 2.0};
  BOOST_TEST(message_of([&] { opt.step(x, h); }) ==
             "descent::optim::adam: step: params.size() = 1 but grads.size() = 2");
  BOOST_TEST(message_of([&] { opt.step(h, std::span<const double>(h)); }) ==
             "descent::optim::adam: step: params and grads overlap");
}

BOOST_AUTO_TEST_CASE(bad_hyperparameters_are_rejected_naming_block_and_field) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // Named optimizers: the option as the user wrote it.
  BOOST_TEST(message_of([&] { (void)o::sgd({.learning_rate = inf}); }) ==
             "descent::optim::sgd: learning_rate = inf is outside [0, inf)");
  BOOST_TEST(message_of([&] { (void)o::adam({.learning_rate = nan}); }) ==
             "descent::optim::adam: learning_rate = nan is outside [0, inf)");
  BOOST_TEST(message_of([] { (void)o::momentum({.momentum = 1.5}); }) ==
             "descent::optim::momentum: momentum = 1.5 is outside [0, 1)");
  BOOST_TEST(message_of([] { (void)o::rmsprop({.momentum = 1.0}); }) ==
             "descent::optim::rmsprop: momentum = 1 is outside [0, 1)");
  BOOST_TEST(message_of([&] { (void)o::adamw({.eps = inf}); }) ==
             "descent::optim::adamw: eps = inf is outside (0, inf)");
  BOOST_TEST(message_of([] { (void)o::adam({}, o::cosine_decay{.decay_steps = 0}); }) ==
             "descent::optim::adam: learning_rate.decay_steps = 0 is outside [1, inf)");
  BOOST_TEST(message_of([] { (void)o::sgd({}, o::constant_schedule{-1.0}); }) ==
             "descent::optim::sgd: learning_rate.value = -1 is outside [0, inf)");
  // Custom chains: the block, not the chain.
  BOOST_TEST(message_of([] { o::chain<o::clip_by_global_norm, o::scale_by_adam> c{{}, {.beta1 = 1.5}}; }) ==
             "descent::optim::scale_by_adam: beta1 = 1.5 is outside [0, 1)");
  BOOST_TEST(message_of([] { o::chain<o::scale_by_momentum> c{{.momentum = 1.5}}; }) ==
             "descent::optim::scale_by_momentum: momentum = 1.5 is outside [0, 1)");
  BOOST_TEST(message_of([&] { o::chain<o::clip_by_global_norm> c{{.max_norm = nan}}; }) ==
             "descent::optim::clip_by_global_norm: max_norm = nan is outside (0, inf)");
  BOOST_TEST(message_of([] { o::chain<o::clip_by_global_norm> c{{.norm_eps = -1e-6}}; }) ==
             "descent::optim::clip_by_global_norm: norm_eps = -9.9999999999999995e-07 is outside [0, inf)");
  BOOST_TEST(message_of([] { o::chain<o::scale_by_learning_rate<>, o::lookahead> c{{}, {.alpha = 2}}; }) ==
             "descent::optim::lookahead: alpha = 2 is outside [0, 1]");
  BOOST_TEST(message_of([&] { o::chain<o::scale_by_learning_rate<>> c{{{inf}}}; }) ==
             "descent::optim::scale_by_learning_rate: learning_rate.value = inf is outside [0, inf)");
  BOOST_TEST(message_of([] {
               o::chain<o::scale_by_learning_rate<o::linear_warmup<o::cosine_decay>>> c{
                   {{.warmup_steps = 2, .then = {.init_value = -0.5}}}};
             }) ==
             "descent::optim::scale_by_learning_rate: learning_rate.then.init_value = -0.5 is outside "
             "[0, inf)");
  BOOST_TEST(message_of([] {
               o::chain<o::masked<o::scale_by_adam>> c{{{.beta2 = 1.0}, o::mask_range(2, 0, 1)}};
             }) == "descent::optim::masked: inner.beta2 = 1 is outside [0, 1)");
  BOOST_TEST(message_of([] { o::chain<o::scale_by_momentum> c{{.momentum = 0, .nesterov = true}}; }) ==
             "descent::optim::scale_by_momentum: nesterov momentum requires momentum > 0 and "
             "dampening = 0");
  // L-BFGS (second_order, checked here with the other optimizers): no pairs is no L-BFGS.
  BOOST_TEST(message_of([] { descent::second_order::lbfgs<double> l({.history = 0}); }) ==
             "descent::second_order::lbfgs: history = 0 is outside [1, inf)");
  BOOST_CHECK_NO_THROW(descent::second_order::lbfgs<double>({.history = 1}));
  // Parameter groups: each group's optimizer checks itself when it is built.
  BOOST_TEST(message_of([] { (void)o::param_groups(o::group{0, 1, o::adam({.beta1 = -0.1})}); }) ==
             "descent::optim::adam: beta1 = -0.10000000000000001 is outside [0, 1)");
}

BOOST_AUTO_TEST_CASE(printing_every_field) {
  BOOST_TEST(o::to_string(o::scale_by_adam{.beta2 = 0.99}) ==
             "descent::optim::scale_by_adam{beta1 = 0.9, beta2 = 0.99, eps = 1e-08, t = 0, "
             "inv_bc1 = 1, inv_sqrt_bc2 = 1}");
  BOOST_TEST(o::to_string(o::nadam_options{.learning_rate = 0.01}) ==
             "descent::optim::nadam{learning_rate = 0.01, beta1 = 0.9, beta2 = 0.999, eps = 1e-08, "
             "weight_decay = 0, momentum_decay = 0.004}");
  auto opt = o::sgd({.momentum = 0.5}, o::multi_step_decay{.init_value = 0.1, .milestones = {2, 4}});
  std::vector<double> x{1.0}, g{1.0};
  opt.step(x, g);
  BOOST_TEST(o::to_string(opt) ==
             "descent::optim::sgd: step = 1, blocks = [descent::optim::add_weight_decay{weight_decay = "
             "0}, descent::optim::scale_by_momentum{momentum = 0.5, dampening = 0, nesterov = false, "
             "count = 1}, descent::optim::scale_by_learning_rate{learning_rate = "
             "descent::optim::multi_step_decay{init_value = 0.1, milestones = [2, 4], gamma = 0.1}, "
             "count = 1}]");
}

BOOST_AUTO_TEST_SUITE_END()
