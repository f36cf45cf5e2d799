// descent/optim.hpp: first-order optimizers composed from update-rule blocks, the named
// optimizers, learning-rate schedules and parameter groups.  See docs/optimizers.md.
#ifndef DESCENT_OPTIM_HPP
#define DESCENT_OPTIM_HPP

#include <descent/optim/blocks.hpp>
#include <descent/optim/chain.hpp>
#include <descent/optim/groups.hpp>
#include <descent/optim/named.hpp>
#include <descent/optim/optimizer.hpp>
#include <descent/optim/schedules.hpp>
#include <descent/optim/update_rule.hpp>

#endif  // DESCENT_OPTIM_HPP
