// The model half of the wine example (examples/common/softmax_parts.hpp).
#include "../common/softmax_parts_impl.hpp"

template struct example::softmax_parts<13, 3>;
