// Blocks and chains: a block of one's own, accumulation, clipping (also by torch's rule),
// lookahead, masks, gates and barriers, float, and no allocation after step 1.  (Parameter
// groups, checkpoints and reset: blocks_groups_and_checkpoints.cpp; validation and printing:
// blocks_validation.cpp; split so that no test TU takes more than about 6.5 s of g++.)
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
#include <new>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include <descent/optim.hpp>

#include "blocks_support.hpp"

namespace o = descent::optim;
using namespace blocks_support;

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
