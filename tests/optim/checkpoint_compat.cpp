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
// To write the file again (only for a new format version, as a new file):
//   DESCENT_WRITE_CHECKPOINTS=path ./optim.checkpoint_compat
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <descent/optim.hpp>
#include <descent/train/archive.hpp>

namespace o = descent::optim;

namespace {

double rosenbrock(const std::vector<double>& x, std::vector<double>& g) {
  g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]);
  g[1] = 200 * (x[1] - x[0] * x[0]);
  return (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]);
}

template <class Opt>
void run(Opt& opt, std::vector<double>& x, int steps, bool flat_loss) {
  std::vector<double> g(x.size());
  for (int i = 0; i < steps; ++i) {
    const double f = rosenbrock(x, g);
    opt.step(std::span<double>(x), std::span<const double>(g), flat_loss ? 1.0 : f);
  }
}

// Every configuration: a name and a factory.  The plateau schedule gets a flat loss, so
// that it reduces its rate (and has state worth saving) within 7 steps.
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

const char* golden_path = DESCENT_SOURCE_DIR "/tests/optim/data/checkpoints_v1.ckpt";

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_TEST_REQUIRE(in.good(), "cannot open " << path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(checkpoint_compat)

BOOST_AUTO_TEST_CASE(version_1_checkpoints_load_and_resume_exactly) {
  if (const char* out = std::getenv("DESCENT_WRITE_CHECKPOINTS")) {
    descent::checkpoint_writer w;
    for_each_config([&](const std::string& name, auto make, bool flat) {
      auto opt = make();
      std::vector<double> x{-1.2, 1.0};
      run(opt, x, 7, flat);
      o::detail::prefixed_archive<descent::checkpoint_writer> pa{w, name + "."};
      pa("x", x);
      opt.serialize(pa);
    });
    std::ofstream(out, std::ios::binary) << std::move(w).finish();
    return;
  }
  const std::string text = read_file(golden_path);
  descent::checkpoint_reader r(text, "checkpoints_v1.ckpt");
  int configs = 0;
  for_each_config([&](const std::string& name, auto make, bool flat) {
    auto never_stopped = make();
    std::vector<double> x{-1.2, 1.0};
    run(never_stopped, x, 7, flat);

    auto restored = make();
    std::vector<double> y;
    o::detail::prefixed_archive<descent::checkpoint_reader> pa{r, name + "."};
    pa("x", y);
    restored.serialize(pa);
    BOOST_TEST_REQUIRE(y.size() == 2u);
    BOOST_TEST(std::memcmp(x.data(), y.data(), sizeof(double) * 2) == 0, name << ": saved x");
    run(never_stopped, x, 10, flat);
    run(restored, y, 10, flat);
    BOOST_TEST(std::memcmp(x.data(), y.data(), sizeof(double) * 2) == 0,
               name << ": resumed run differs: " << x[0] << " " << x[1] << " vs " << y[0] << " "
                    << y[1]);
    BOOST_TEST(x[0] != -1.2, name << ": did not move");
    ++configs;
  });
  r.finish();  // no field left over
  BOOST_TEST(configs == 16);
}

BOOST_AUTO_TEST_SUITE_END()
