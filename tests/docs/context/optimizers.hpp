// What docs/optimizers.md's snippets assume: parameters and gradients, a loss, an archive,
// the namespace alias o, and the sizes of parameter groups.
#include <cstddef>
#include <vector>

#include <descent/optim.hpp>
#include <descent/train/archive.hpp>

namespace o = descent::optim;
inline std::vector<double> params{1.0, 2.0}, grads{0.5, -0.5};
inline std::vector<double> x{1.0, 2.0}, g{0.5, -0.5};
inline double loss = 1.0;
inline descent::checkpoint_writer archive;
inline std::size_t n_weights = 8, n_biases = 2, n_embedding = 4;
