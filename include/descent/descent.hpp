// descent/descent.hpp: everything.  Include the area headers (descent/expr.hpp, ...) or
// single headers instead to compile less.
#ifndef DESCENT_DESCENT_HPP
#define DESCENT_DESCENT_HPP

#include <descent/check.hpp>
#include <descent/diff/d.hpp>
#include <descent/diff/grad.hpp>
#include <descent/diff/wrt.hpp>
#include <descent/eval/eval.hpp>
#include <descent/expr.hpp>
#include <descent/print.hpp>

#endif
