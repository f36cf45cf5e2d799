// descent::descent compiles the code that uses it with -fno-math-errno (CMake option
// DESCENT_NO_MATH_ERRNO, on by default): with errno semantics g++ and clang keep std::sqrt
// scalar, and the fused Adam / RMSProp / Adagrad step runs at about half the memory bandwidth
// (docs/performance.md, W7).  g++ and clang define __NO_MATH_ERRNO__ under the flag.
#include <descent/optim.hpp>

#if !defined(__NO_MATH_ERRNO__)
#error "descent::descent did not compile this test with -fno-math-errno (DESCENT_NO_MATH_ERRNO)"
#endif
