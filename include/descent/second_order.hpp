#ifndef DESCENT_SECOND_ORDER_HPP
#define DESCENT_SECOND_ORDER_HPP

// Line-search and second-order methods (namespace descent), each a descent::method that
// plugs into descent::minimize like a first-order optimizer:
//   descent::newton               exact Hessian + Cholesky with added identity + line search
//   descent::lbfgs                limited-memory BFGS + strong Wolfe
//   descent::nonlinear_cg         Polak-Ribiere+ with restarts + strong Wolfe (c2 = 0.1)
//   descent::projected_lbfgs      L-BFGS within box constraints (descent::box)
//   descent::project_onto_box     any first-order optimizer, projected onto a box
//   descent::gauss_newton         least squares, J^T J + line search
//   descent::levenberg_marquardt  least squares, damped J^T J
// Building blocks in descent::second_order (dense Cholesky) and descent::search (line searches).

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
