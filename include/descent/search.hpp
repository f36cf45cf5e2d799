#ifndef DESCENT_SEARCH_HPP
#define DESCENT_SEARCH_HPP

// Line searches (namespace descent::search): reusable blocks for any direction-based method.
//   search::armijo        backtracking for sufficient decrease
//   search::strong_wolfe  bracketing + zoom for the strong Wolfe conditions
//   search::along         phi(alpha) = f(x + alpha d) from an objective

#include <descent/search/along.hpp>
#include <descent/search/armijo.hpp>
#include <descent/search/result.hpp>
#include <descent/search/strong_wolfe.hpp>

#endif
