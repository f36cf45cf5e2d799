// The shared part of tests/optim/checkpoint_compat_*.cpp (split in two TUs to keep each
// under ~6 s of compile time): see checkpoint_compat_a.cpp for what is tested.
#ifndef DESCENT_TESTS_OPTIM_CHECKPOINT_COMPAT_HPP
#define DESCENT_TESTS_OPTIM_CHECKPOINT_COMPAT_HPP
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

namespace checkpoint_compat {

inline double rosenbrock(const std::vector<double>& x, std::vector<double>& g) {
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

inline const char* golden_path = DESCENT_SOURCE_DIR "/tests/optim/data/checkpoints_v1.ckpt";

inline std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_TEST_REQUIRE(in.good(), "cannot open " << path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The lines of the version-1 file that belong to these configurations, as a checkpoint
/// of its own (the file holds the configurations of both TUs, in order).
inline std::string subset(const std::string& text, const std::vector<std::string>& names) {
  std::string out, line;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = text.find('\n', pos);
    line = text.substr(pos, end - pos);
    pos = end == std::string::npos ? text.size() : end + 1;
    if (out.empty()) {
      out = line + "\n";  // the magic line
      continue;
    }
    for (const auto& n : names)
      if (line.rfind(n + ".", 0) == 0) out += line + "\n";
  }
  return out + "end\n";
}

/// Loads each configuration's state from the file and checks that it resumes exactly.
template <class ForEachConfig>
void check_configs(ForEachConfig for_each_config, const std::vector<std::string>& names) {
  const std::string text = subset(read_file(golden_path), names);
  descent::checkpoint_reader r(text, "checkpoints_v1.ckpt");
  std::size_t configs = 0;
  for_each_config([&](const std::string& name, auto make, bool flat) {
    auto never_stopped = make();
    std::vector<double> x{-1.2, 1.0};
    run(never_stopped, x, 7, flat);

    auto restored = make();
    std::vector<double> y;
    descent::optim::detail::prefixed_archive<descent::checkpoint_reader> pa{r, name + "."};
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
  BOOST_TEST(configs == names.size());
}

}  // namespace checkpoint_compat

#endif  // DESCENT_TESTS_OPTIM_CHECKPOINT_COMPAT_HPP
