// A gate decides for every element at once, so it cannot be masked.
#include <descent/optim/block/accumulate.hpp>
#include <descent/optim/block/masked.hpp>
int main() { descent::optim::masked<descent::optim::accumulate_gradients> m{}; (void)m; }
