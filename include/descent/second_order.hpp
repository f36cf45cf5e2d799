#ifndef DESCENT_SECOND_ORDER_HPP
#define DESCENT_SECOND_ORDER_HPP

// Line-search and second-order methods (namespace descent::second_order, also reachable
// by their documented short names descent::newton, descent::lbfgs, ...), each a
// descent::method that plugs into descent::minimize like a first-order optimizer:
//   second_order::newton               exact Hessian + Cholesky with added identity + line search
//   second_order::lbfgs                limited-memory BFGS + strong Wolfe
//   second_order::nonlinear_cg         Polak-Ribiere+ with restarts + strong Wolfe (c2 = 0.1)
//   second_order::projected_lbfgs      L-BFGS within box constraints (second_order::box)
//   second_order::project_onto_box     any first-order optimizer, projected onto a box
//   second_order::gauss_newton         least squares, J^T J + line search
//   second_order::levenberg_marquardt  least squares, damped J^T J
// Building blocks: dense Cholesky (second_order/cholesky.hpp), line searches (descent::search).

#include <descent/search.hpp>
#include <descent/second_order/box.hpp>
#include <descent/second_order/cholesky.hpp>
#include <descent/second_order/gauss_newton.hpp>
#include <descent/second_order/lbfgs.hpp>
#include <descent/second_order/levenberg_marquardt.hpp>
#include <descent/second_order/newton.hpp>
#include <descent/second_order/nonlinear_cg.hpp>
#include <descent/second_order/projected_lbfgs.hpp>

#endif
