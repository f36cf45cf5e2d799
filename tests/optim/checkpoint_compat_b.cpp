// Checkpoint compatibility, second half: see checkpoint_compat_a.cpp.
#include <boost/test/unit_test.hpp>

#include "checkpoint_compat.hpp"

namespace o = descent::optim;
using namespace checkpoint_compat;

namespace {

template <class F>
void for_each_config(F&& f) {
  f("nadam", [] { return o::nadam(); }, false);
  f("radam", [] { return o::radam({.learning_rate = 0.01, .beta2 = 0.9}); }, false);
  f("adamax", [] { return o::adamax(); }, false);
  f("lion", [] { return o::lion({.learning_rate = 1e-3, .weight_decay = 0.1}); }, false);
  f("rprop", [] { return o::rprop(); }, false);
  f("custom", [] {
    return o::chain<o::accumulate_gradients, o::clip_by_global_norm, o::scale_by_adam,
                    o::scale_by_learning_rate<o::reduce_on_plateau>, o::lookahead>{
        {.k = 2}, {.max_norm = 10.0}, {}, {{.init_value = 0.01, .patience = 1}}, {.k = 3}};
  }, true);
  f("masked", [] {
    return o::chain<o::masked<o::scale_by_adam>, o::scale_by_learning_rate<o::cosine_decay>>{
        {{}, o::mask_range(2, 1, 1)}, {{.init_value = 1e-4, .decay_steps = 20}}};
  }, false);
  f("groups", [] { return o::param_groups(o::group{0, 1, o::adam()}, o::group{1, 1, o::rprop()}); },
    false);

}

}  // namespace

BOOST_AUTO_TEST_SUITE(checkpoint_compat)

BOOST_AUTO_TEST_CASE(version_1_checkpoints_load_and_resume_exactly_b) {
  check_configs([](auto&& f) { for_each_config(f); }, {"nadam", "radam", "adamax", "lion", "rprop", "custom", "masked", "groups"});
}

BOOST_AUTO_TEST_SUITE_END()
