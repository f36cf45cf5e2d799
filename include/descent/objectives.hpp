// descent/objectives.hpp: objectives built from expressions (make_objective,
// make_least_squares), for descent::minimize and the second-order methods.
#ifndef DESCENT_OBJECTIVES_HPP
#define DESCENT_OBJECTIVES_HPP

#include <descent/objectives/expression.hpp>
#include <descent/objectives/least_squares.hpp>

#endif
