// descent/descent.hpp: everything.  Include an area's header (descent/expr.hpp,
// descent/optim.hpp, descent/train.hpp, ...) or single headers instead to compile less.
//
//   node/ simplify/   node types, canonical forms         (below expr/)
//   expr/             the expression language             descent/expr.hpp
//   diff/             d, grad, hessian, wrt               (below)
//   eval/             eval, value_and_grad                (below)
//   print/            to_string, to_latex                 descent/print.hpp
//   check/            check_gradient                      descent/check.hpp
//   problem/          objective and method concepts       (included by the rest)
//   objectives/       make_objective, make_least_squares  descent/objectives.hpp
//   optim/            update-rule blocks, optimizers      descent/optim.hpp
//   search/           line searches                       descent/search.hpp
//   second_order/     Newton, L-BFGS, CG, LM, bounds      descent/second_order.hpp
//   data/             CSV, standardisation, splits        descent/data.hpp
//   train/            minimize, stopping, callbacks       descent/train.hpp
#ifndef DESCENT_DESCENT_HPP
#define DESCENT_DESCENT_HPP

#include <descent/check.hpp>
#include <descent/data.hpp>
#include <descent/diff/d.hpp>
#include <descent/diff/grad.hpp>
#include <descent/diff/wrt.hpp>
#include <descent/eval/eval.hpp>
#include <descent/expr.hpp>
#include <descent/objectives.hpp>
#include <descent/optim.hpp>
#include <descent/print.hpp>
#include <descent/search.hpp>
#include <descent/second_order.hpp>
#include <descent/train.hpp>

#endif
