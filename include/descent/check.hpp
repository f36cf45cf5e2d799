// descent/check.hpp: checking derivatives against finite differences, and printed text at
// compile time (check_equal).
#ifndef DESCENT_CHECK_HPP
#define DESCENT_CHECK_HPP

#include <descent/check/gradient.hpp>
#include <descent/check/static_string.hpp>

#endif
