// descent/check.hpp: checking derivatives against finite differences.
#ifndef DESCENT_CHECK_HPP
#define DESCENT_CHECK_HPP

#include <descent/check/gradient.hpp>

#endif
