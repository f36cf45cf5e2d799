// Blocks and chains: accumulation, clipping, lookahead, masks, gates and barriers,
// parameter groups, checkpoints, validation, float, and no allocation after step 1.
// This file replaces the global operator new/delete (malloc/free) to count allocations;
// GCC then sees library code pair them and warns, wrongly, of a mismatch.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <descent/optim.hpp>
#include <descent/second_order/lbfgs.hpp>

namespace o = descent::optim;

// Count allocations, to show that a step allocates nothing once the state exists.
namespace {
std::atomic<long> allocations{0};
}
void* operator new(std::size_t n) {
  ++allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

/// Saves every field into a map, or loads it back (the train area has the file format).
struct map_archive {
  bool is_loading_ = false;
  std::map<std::string, std::vector<double>> fields;

  template <class V>
  void operator()(std::string_view name, V& v) {
    auto& f = fields[std::string(name)];
    if constexpr (requires { v.data(); }) {
      if (is_loading_)
        v.assign(f.begin(), f.end());
      else
        f.assign(v.begin(), v.end());
    } else {
      if (is_loading_)
        v = static_cast<V>(f.at(0));
      else
        f = {static_cast<double>(v)};
    }
  }
};

void rosenbrock_grad(const std::vector<double>& x, std::vector<double>& g) {
  g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]);
  g[1] = 200 * (x[1] - x[0] * x[0]);
}

std::string message_of(auto make) {
  try {
    make();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(no exception)";
}

}  // namespace

// A block of one's own with a field list: checked, saved and printed like descent's.
struct half_momentum {
  static constexpr std::size_t buffers = 1;
  static constexpr std::array<const char*, 1> buffer_names{"velocity"};
  double momentum = 0.5;
  std::uint64_t count_ = 0;
  void prepare(const descent::optim::step_context&) { ++count_; }
  template <class T>
  T apply(T u, T, descent::optim::slots<T, 1> s) const {
    s[0] = static_cast<T>(momentum) * s[0] + u;
    return s[0] / 2;
  }
};
DESCENT_OPTIM_STRUCT(half_momentum, momentum, count_);

BOOST_AUTO_TEST_SUITE(blocks)

BOOST_AUTO_TEST_CASE(a_block_of_ones_own_with_a_field_list) {
  BOOST_TEST(message_of([] { o::chain<half_momentum> c{{.momentum = 1.5}}; }) ==
             "descent::optim::chain: momentum = 1.5 is outside [0, 1)");
  o::chain<half_momentum> c{{.momentum = 0.25}};
  std::vector<double> x{1.0}, g{2.0};
  c.step(x, g);
  c.step(x, g);
  map_archive saved;
  c.serialize(saved);
  BOOST_TEST(saved.fields.at("0.count").at(0) == 2.0);
  BOOST_TEST(saved.fields.at("0.velocity").at(0) == 2.5);
  BOOST_TEST(o::to_string(c.block<0>()) == "{momentum = 0.25, count = 2}");
}

BOOST_AUTO_TEST_CASE(accumulation_applies_the_mean_every_k_steps) {
  o::chain<o::accumulate_gradients, o::scale_by_learning_rate<>> acc{{.k = 3}, {{0.5}}};
  std::vector<double> x{1.0, 2.0};
  const std::vector<std::vector<double>> gs{{1, 2}, {3, 4}, {5, 9}};
  acc.step(x, gs[0]);
  acc.step(x, gs[1]);
  BOOST_TEST(x[0] == 1.0);  // nothing moves before the k-th step
  BOOST_TEST(x[1] == 2.0);
  acc.step(x, gs[2]);
  BOOST_TEST(x[0] == 1.0 - 0.5 * 3.0);
  BOOST_TEST(x[1] == 2.0 - 0.5 * 5.0);
  BOOST_TEST(acc.block<1>().count_ == 1u);  // the rate block ran once, not three times

  // Adam behind a gate sees only the averages: same iterates as Adam fed the averages.
  o::chain<o::accumulate_gradients, o::scale_by_adam, o::scale_by_learning_rate<>> a{
      {.k = 2}, {}, {{0.01}}};
  auto b = o::adam({.learning_rate = 0.01});
  std::vector<double> xa{-1.2, 1.0}, xb = xa, g1(2), g2(2), mean(2);
  for (int i = 0; i < 20; ++i) {
    rosenbrock_grad(xa, g1);
    a.step(xa, g1);
    rosenbrock_grad(xa, g2);  // the same point: the parameters did not move
    a.step(xa, g2);
    for (int j = 0; j < 2; ++j) mean[j] = (g1[j] + g2[j]) / 2;
    b.step(xb, mean);
    BOOST_TEST(xa[0] == xb[0], "step " << i);
    BOOST_TEST(xa[1] == xb[1], "step " << i);
  }
  BOOST_TEST(message_of([] { o::chain<o::accumulate_gradients> c{{.k = 0}}; }) ==
             "descent::optim::accumulate_gradients: k = 0 is outside [1, inf)");
}

BOOST_AUTO_TEST_CASE(clipping) {
  o::chain<o::clip_by_value, o::scale_by_learning_rate<>> cv{{.clip_value = 1.0}, {{1.0}}};
  std::vector<double> x{0, 0, 0}, g{-3, 0.5, 7};
  cv.step(x, g);
  BOOST_TEST(x == (std::vector<double>{1.0, -0.5, -1.0}), boost::test_tools::per_element());

  // Global norm first: the barrier reads the gradient itself.
  o::chain<o::clip_by_global_norm, o::scale_by_learning_rate<>> cn{{.max_norm = 1.0}, {{1.0}}};
  std::vector<double> y{0, 0}, h{3, 4};
  cn.step(y, h);
  BOOST_TEST(std::abs(y[0] + 0.6) < 1e-15);
  BOOST_TEST(std::abs(y[1] + 0.8) < 1e-15);
  BOOST_TEST(cn.block<0>().last_norm() == 5.0);
  std::vector<double> small{0.3, 0.4};
  y = {0, 0};
  cn.step(y, small);  // below max_norm: untouched
  BOOST_TEST(y[0] == -0.3);

  // In the middle: the chain splits its loop there (u = g + 1 * p = (3, 4), then clipped).
  o::chain<o::add_weight_decay, o::clip_by_global_norm, o::scale_by_learning_rate<>> mid{
      {.weight_decay = 1.0}, {.max_norm = 2.5}, {{1.0}}};
  std::vector<double> z{1, 1}, k{2, 3};
  mid.step(z, k);
  BOOST_TEST(std::abs(z[0] - (1 - 1.5)) < 1e-15);
  BOOST_TEST(std::abs(z[1] - (1 - 2.0)) < 1e-15);
}

BOOST_AUTO_TEST_CASE(lookahead_every_k_steps) {
  // Inner optimizer: p <- p - 0.1 g with g = 1: the fast weights move by -0.1 per step.
  o::chain<o::scale_by_learning_rate<>, o::lookahead> la{{{0.1}}, {.k = 3, .alpha = 0.5}};
  std::vector<double> x{1.0}, g{1.0};
  la.step(x, g);
  BOOST_TEST(std::abs(x[0] - 0.9) < 1e-15);
  la.step(x, g);
  BOOST_TEST(std::abs(x[0] - 0.8) < 1e-15);
  la.step(x, g);  // fast would be 0.7; slow <- 1 + 0.5 (0.7 - 1) = 0.85; fast <- slow
  BOOST_TEST(std::abs(x[0] - 0.85) < 1e-15);
  BOOST_TEST(std::abs(la.buffer<1>()[0] - 0.85) < 1e-15);
  for (int i = 0; i < 3; ++i) la.step(x, g);  // 0.85 -> 0.55 fast; slow 0.85 + 0.5 (-0.3)
  BOOST_TEST(std::abs(x[0] - 0.7) < 1e-15);
}

BOOST_AUTO_TEST_CASE(masks_and_sign) {
  // Weight decay on the weights (first two), not on the bias (last).
  o::chain<o::masked<o::add_weight_decay>, o::scale_by_learning_rate<>> c{
      {{.weight_decay = 0.5}, o::mask_range(3, 0, 2)}, {{1.0}}};
  std::vector<double> x{1, 2, 4}, g{0, 0, 0};
  c.step(x, g);
  BOOST_TEST(x == (std::vector<double>{0.5, 1.0, 4.0}), boost::test_tools::per_element());
  // A masked block with state: Adam on odd elements only.
  o::chain<o::masked<o::scale_by_adam>, o::scale_by_learning_rate<>> m{
      {{}, o::mask(4, [](std::size_t i) { return i % 2 == 1; })}, {{0.1}}};
  std::vector<double> p{0, 0, 0, 0}, q{2, 2, 2, 2};
  m.step(p, q);
  BOOST_TEST(p[0] == -0.2);  // plain SGD step: 0.1 * 2
  BOOST_TEST(std::abs(p[1] + 0.1) < 1e-9);  // Adam's first step has size ~lr
  const double untouched = m.buffer<0, 0>()[0];
  BOOST_TEST(untouched == 0.0);  // no state where masked off
  std::vector<double> wrong(5, 0.0);
  o::chain<o::masked<o::add_weight_decay>> bad{{{}, o::mask_range(3, 0, 1)}};
  BOOST_CHECK_THROW(bad.step(wrong, wrong), std::invalid_argument);

  o::chain<o::scale_by_sign, o::scale_by_learning_rate<>> s{{}, {{0.5}}};
  std::vector<double> y{0, 0, 0}, h{-3, 0, 1e-30};
  s.step(y, h);
  BOOST_TEST(y == (std::vector<double>{0.5, 0.0, -0.5}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(parameter_groups) {
  // Weights with AdamW, biases with Adam (no decay), a frozen embedding.
  auto groups = o::param_groups(o::group{0, 2, o::adamw({.learning_rate = 0.01})},
                                o::group{2, 1, o::adam({.learning_rate = 0.01})},
                                o::frozen(3, 2));
  static_assert(o::optimizer<decltype(groups), double>);
  auto w = o::adamw({.learning_rate = 0.01});
  auto b = o::adam({.learning_rate = 0.01});
  std::vector<double> x{1, 2, 3, 4, 5}, g{0.1, -0.2, 0.3, 9, 9};
  std::vector<double> xw{1, 2}, gw{0.1, -0.2}, xb{3}, gb{0.3};
  for (int i = 0; i < 5; ++i) {
    groups.step(x, g);
    w.step(xw, gw);
    b.step(xb, gb);
  }
  BOOST_TEST(x[0] == xw[0]);
  BOOST_TEST(x[1] == xw[1]);
  BOOST_TEST(x[2] == xb[0]);
  BOOST_TEST(x[3] == 4.0);
  BOOST_TEST(x[4] == 5.0);
  BOOST_CHECK_THROW(o::param_groups(o::group{0, 3, o::sgd()}, o::group{2, 2, o::sgd()}),
                    std::invalid_argument);
  auto too_far = o::param_groups(o::group{0, 9, o::sgd()});
  BOOST_CHECK_THROW(too_far.step(x, g), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(checkpoint_restores_exactly) {
  using schedule = o::linear_warmup<o::reduce_on_plateau>;
  auto make = [] {
    return o::nadam({.learning_rate = 0.01},
                    schedule{.warmup_steps = 3, .then = {.init_value = 0.01, .patience = 2}});
  };
  auto a = make();
  std::vector<double> xa{-1.2, 1.0}, g(2);
  for (int i = 0; i < 7; ++i) {
    rosenbrock_grad(xa, g);
    a.step(xa, g, 1.0);  // a flat loss: the plateau schedule reduces the rate
  }
  map_archive saved;
  a.serialize(saved);
  BOOST_TEST(saved.fields.count("1.exp_avg") == 1u);
  BOOST_TEST(saved.fields.count("2.rate.then.best") == 1u);  // the plateau inside the warmup
  BOOST_TEST(saved.fields.at("2.rate.then.rate").at(0) < 0.01);  // it saw the flat loss
  auto b = make();
  std::vector<double> xb = xa;
  saved.is_loading_ = true;
  b.serialize(saved);
  for (int i = 0; i < 10; ++i) {
    rosenbrock_grad(xa, g);
    a.step(xa, g, 1.0);
    rosenbrock_grad(xb, g);
    b.step(xb, g, 1.0);
    BOOST_TEST(xa[0] == xb[0], "step " << i);
    BOOST_TEST(xa[1] == xb[1], "step " << i);
  }
  // Groups too, with names per group; and a restored state must fit the parameters.
  auto ga = o::param_groups(o::group{0, 1, o::adam()}, o::group{1, 1, o::rprop()});
  ga.step(xa, g);
  map_archive gs;
  ga.serialize(gs);
  BOOST_TEST(gs.fields.count("group1.0.step_size") == 1u);
  auto c = o::adam();
  std::vector<double> three(3, 0.0);
  gs.is_loading_ = true;
  {
    map_archive one;
    auto d = o::adam();
    std::vector<double> two{1, 2}, gg{1, 1};
    d.step(two, gg);
    d.serialize(one);
    one.is_loading_ = true;
    c.serialize(one);
    BOOST_CHECK_THROW(c.step(three, three), std::invalid_argument);
  }
}

BOOST_AUTO_TEST_CASE(reset_starts_over) {
  auto a = o::adam({.learning_rate = 0.1});
  std::vector<double> x{-1.2, 1.0}, g(2);
  std::vector<std::vector<double>> first;
  for (int i = 0; i < 5; ++i) {
    rosenbrock_grad(x, g);
    a.step(x, g);
    first.push_back(x);
  }
  a.reset();
  x = {-1.2, 1.0};
  for (int i = 0; i < 5; ++i) {
    rosenbrock_grad(x, g);
    a.step(x, g);
    BOOST_TEST(x == first[i], boost::test_tools::per_element());
  }
}

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

BOOST_AUTO_TEST_CASE(clipping_by_torch_rule) {
  // torch.nn.utils.clip_grad_norm_: clip_coef = max_norm / (total_norm + 1e-6), clamped to
  // 1, and the gradient is multiplied by it (torch 1.13, torch/nn/utils/clip_grad.py).
  auto torch_clip = [](std::vector<double> g, double max_norm) {
    double sum = 0;
    for (double v : g) sum += v * v;
    const double coef = std::min(max_norm / (std::sqrt(sum) + 1e-6), 1.0);
    for (double& v : g) v *= coef;
    return g;
  };
  for (const double max_norm : {1.0, 5.0, 4.9999999, 7.0}) {
    o::chain<o::clip_by_global_norm, o::scale_by_learning_rate<>> c{
        {.max_norm = max_norm, .norm_eps = 1e-6}, {{1.0}}};
    std::vector<double> x{0, 0}, g{3, 4};
    c.step(x, g);
    const auto expected = torch_clip(g, max_norm);
    BOOST_TEST(-x[0] == expected[0], "max_norm " << max_norm);
    BOOST_TEST(-x[1] == expected[1], "max_norm " << max_norm);
  }
  // At norm == max_norm the rules differ: torch scales by 5 / (5 + 1e-6), Optax (the
  // default, norm_eps = 0) leaves the update alone.
  o::chain<o::clip_by_global_norm, o::scale_by_learning_rate<>> optax{{.max_norm = 5.0}, {{1.0}}};
  std::vector<double> x{0, 0}, g{3, 4};
  optax.step(x, g);
  BOOST_TEST(x[0] == -3.0);
  BOOST_TEST(torch_clip(g, 5.0)[0] < 3.0);
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

BOOST_AUTO_TEST_CASE(float_parameters) {
  auto f = o::adam<float>({.learning_rate = 0.05});
  auto d = o::adam({.learning_rate = 0.05});
  static_assert(std::is_same_v<decltype(f)::value_type, float>);
  std::vector<float> xf{3.0f, -2.0f}, gf(2);
  std::vector<double> xd{3.0, -2.0}, gd(2);
  for (int i = 0; i < 300; ++i) {
    for (int j = 0; j < 2; ++j) {
      gf[j] = 2 * xf[j];
      gd[j] = 2 * xd[j];
    }
    f.step(xf, gf);
    d.step(xd, gd);
  }
  BOOST_TEST(std::abs(xf[0] - xd[0]) < 1e-4);
  BOOST_TEST(std::abs(xf[1] - xd[1]) < 1e-4);
  BOOST_TEST(std::abs(xd[0]) < 0.05);
}

BOOST_AUTO_TEST_CASE(no_allocation_after_the_first_step) {
  auto a = o::adam();
  o::chain<o::add_weight_decay, o::clip_by_global_norm, o::scale_by_adam,
           o::scale_by_learning_rate<o::cosine_decay>, o::lookahead>
      c{{}, {.max_norm = 1.0}, {}, {{.init_value = 1e-2, .decay_steps = 100}}, {}};
  std::vector<double> x(1000, 1.0), g(1000, 0.5), y = x;
  a.step(x, g);
  c.step(y, g);
  const long before = allocations.load();
  for (int i = 0; i < 50; ++i) {
    a.step(x, g);
    c.step(y, g, 1.0);
  }
  BOOST_TEST(allocations.load() - before == 0);
}

BOOST_AUTO_TEST_SUITE_END()
