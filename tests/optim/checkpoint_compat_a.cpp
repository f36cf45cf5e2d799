// Checkpoints written by earlier versions still load and resume bit for bit.
//
// tests/optim/data/checkpoints_v1.ckpt was written by the optimizers as they were before
// their state was serialised generically (detail/fields.hpp, commit 0829b90):
// every configuration below ran 7 steps on Rosenbrock from (-1.2, 1), then saved its
// parameters ("<name>.x") and its state ("<name>.<field>").  Each one is rebuilt here, loaded
// from that file, and must continue exactly as a run that never stopped.  The archive is
// strict (every field is checked by name and type, in order, and no field may be left
// over), so a renamed, added, dropped or reordered field fails this test.
//
// The file was written by the test itself before the change (commit 5ce0852: a
// checkpoint_writer, each configuration under its name); this half checks the first eight
// configurations, checkpoint_compat_b.cpp the other eight.
#include <boost/test/unit_test.hpp>

#include "checkpoint_compat.hpp"

namespace o = descent::optim;
using namespace checkpoint_compat;

namespace {

template <class F>
void for_each_config(F&& f) {
  f("sgd", [] { return o::sgd({.learning_rate = 1e-4, .momentum = 0.9, .weight_decay = 1e-3}); }, false);
  f("nesterov", [] { return o::nesterov({.learning_rate = 1e-4}); }, false);
  f("adagrad", [] { return o::adagrad({.learning_rate = 0.1, .lr_decay = 0.01}); }, false);
  f("rmsprop", [] { return o::rmsprop({.learning_rate = 1e-3, .momentum = 0.5, .centered = true}); },
    false);
  f("adadelta", [] { return o::adadelta(); }, false);
  f("adam", [] { return o::adam({.learning_rate = 0.01}); }, false);
  f("adamw", [] { return o::adamw({.learning_rate = 0.01}); }, false);
  f("amsgrad", [] { return o::amsgrad({.learning_rate = 0.01}); }, false);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(checkpoint_compat)

BOOST_AUTO_TEST_CASE(version_1_checkpoints_load_and_resume_exactly_a) {
  check_configs([](auto&& f) { for_each_config(f); }, {"sgd", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "amsgrad"});
}

BOOST_AUTO_TEST_SUITE_END()
