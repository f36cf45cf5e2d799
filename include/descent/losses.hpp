// descent/losses.hpp: losses and penalties as expressions (descent/losses/).
#ifndef DESCENT_LOSSES_HPP
#define DESCENT_LOSSES_HPP

#include <descent/losses/classification.hpp>
#include <descent/losses/penalty.hpp>
#include <descent/losses/regression.hpp>

#endif
