// Optimizers as a whole: parameter groups (each with its own optimizer, or frozen), checkpoints
// that restore the state exactly (schedules, groups, a state that must fit the parameters), and
// reset (tests/optim/blocks_support.hpp).  Part of optim.blocks with blocks.cpp and
// blocks_validation.cpp, split so that no test TU takes more than about 6.5 s of g++.
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <vector>

#include <descent/optim.hpp>

#include "blocks_support.hpp"

namespace o = descent::optim;
using namespace blocks_support;

BOOST_AUTO_TEST_SUITE(blocks)

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

BOOST_AUTO_TEST_SUITE_END()
