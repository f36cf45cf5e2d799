// lookahead turns the update of the blocks before it into the step to its slow weights:
// anywhere but last, the blocks after it would change that step.
#include <descent/optim/block/learning_rate.hpp>
#include <descent/optim/block/lookahead.hpp>
#include <descent/optim/chain.hpp>
int main() { descent::optim::chain<descent::optim::lookahead, descent::optim::scale_by_learning_rate<>> c{}; }
