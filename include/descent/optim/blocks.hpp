// descent/optim/blocks.hpp: every building block.
#ifndef DESCENT_OPTIM_BLOCKS_HPP
#define DESCENT_OPTIM_BLOCKS_HPP

#include <descent/optim/block/accumulate.hpp>
#include <descent/optim/block/adadelta.hpp>
#include <descent/optim/block/adagrad.hpp>
#include <descent/optim/block/adam.hpp>
#include <descent/optim/block/adamax.hpp>
#include <descent/optim/block/clip.hpp>
#include <descent/optim/block/learning_rate.hpp>
#include <descent/optim/block/lion.hpp>
#include <descent/optim/block/lookahead.hpp>
#include <descent/optim/block/masked.hpp>
#include <descent/optim/block/momentum.hpp>
#include <descent/optim/block/nadam.hpp>
#include <descent/optim/block/radam.hpp>
#include <descent/optim/block/rms.hpp>
#include <descent/optim/block/rprop.hpp>
#include <descent/optim/block/sign.hpp>
#include <descent/optim/block/weight_decay.hpp>

#endif  // DESCENT_OPTIM_BLOCKS_HPP
