// examples/digits/net.hpp: the network type (for objective.cpp and predict.cpp).
#ifndef DESCENT_EXAMPLES_DIGITS_NET_HPP
#define DESCENT_EXAMPLES_DIGITS_NET_HPP

#include <descent/models/mlp.hpp>

namespace digits {
using net = descent::models::mlp<64, 32, 10, descent::models::act::tanh>;
}

#endif
