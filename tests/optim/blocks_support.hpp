// tests/optim/blocks_support.hpp: what the tests of blocks and optimizers share (blocks.cpp,
// blocks_groups_and_checkpoints.cpp, blocks_validation.cpp): an archive that saves every field
// into a map, the Rosenbrock gradient, and the message of a rejected hyperparameter.
#ifndef DESCENT_TESTS_OPTIM_BLOCKS_SUPPORT_HPP
#define DESCENT_TESTS_OPTIM_BLOCKS_SUPPORT_HPP

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace blocks_support {

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

inline void rosenbrock_grad(const std::vector<double>& x, std::vector<double>& g) {
  g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]);
  g[1] = 200 * (x[1] - x[0] * x[0]);
}

// The message of the std::invalid_argument that make() throws.
inline std::string message_of(auto make) {
  try {
    make();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(no exception)";
}

}  // namespace blocks_support

#endif
