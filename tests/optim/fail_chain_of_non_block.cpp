// A chain of something that is not a block is an error at the chain type, not at step().
#include <descent/optim/block/adam.hpp>
#include <descent/optim/chain.hpp>
using bad = descent::optim::chain<descent::optim::scale_by_adam, int>;
int main() { return static_cast<int>(sizeof(bad)); }
