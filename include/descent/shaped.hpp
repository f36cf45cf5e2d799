// descent/shaped.hpp: vector and matrix expressions (vec, mat), their derivatives in matrix
// form, evaluation over blocks of samples, and objectives for descent::minimize.
#ifndef DESCENT_SHAPED_HPP
#define DESCENT_SHAPED_HPP

#include <descent/eval/eval.hpp>
#include <descent/expr.hpp>
#include <descent/objectives/expression.hpp>
#include <descent/print/to_string.hpp>
#include <descent/shaped/build.hpp>
#include <descent/shaped/context.hpp>
#include <descent/shaped/evaluate.hpp>
#include <descent/shaped/jacobian.hpp>
#include <descent/shaped/jvp.hpp>
#include <descent/shaped/node.hpp>
#include <descent/shaped/objective.hpp>
#include <descent/shaped/operators.hpp>
#include <descent/shaped/print.hpp>
#include <descent/shaped/symbol.hpp>
#include <descent/shaped/vjp.hpp>

#endif
