// descent/eval/dag.hpp: an expression's distinct subexpressions in evaluation order; the
// definitions are in node/dag.hpp (operators, derivatives and the shaped hooks build DAGs too,
// and node/ is the floor they share).
#ifndef DESCENT_EVAL_DAG_HPP
#define DESCENT_EVAL_DAG_HPP

#include <descent/node/dag.hpp>

#endif
