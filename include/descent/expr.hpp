// descent/expr.hpp: the expression language (variables, constants, operators, functions).
#ifndef DESCENT_EXPR_HPP
#define DESCENT_EXPR_HPP

#include <descent/expr/constant.hpp>
#include <descent/expr/containers.hpp>
#include <descent/expr/functions/exp_log.hpp>
#include <descent/expr/functions/logsumexp.hpp>
#include <descent/expr/functions/nonsmooth.hpp>
#include <descent/expr/functions/power.hpp>
#include <descent/expr/functions/sigmoid.hpp>
#include <descent/expr/functions/trig.hpp>
#include <descent/expr/literal.hpp>
#include <descent/expr/operators.hpp>
#include <descent/expr/variable.hpp>

#endif
