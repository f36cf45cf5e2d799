// descent/print.hpp: printing expressions as text and LaTeX.
#ifndef DESCENT_PRINT_HPP
#define DESCENT_PRINT_HPP

#include <descent/print/static_string.hpp>
#include <descent/print/to_string.hpp>

#endif
