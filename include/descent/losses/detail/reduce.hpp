// descent/losses/detail/reduce.hpp: a loss of vectors is the mean over its entries.
#ifndef DESCENT_LOSSES_DETAIL_REDUCE_HPP
#define DESCENT_LOSSES_DETAIL_REDUCE_HPP

#include <descent/expr/constant.hpp>
#include <descent/shaped/operators.hpp>

namespace descent::losses::detail {

template <class E>
constexpr auto mean_if_shaped(const E& e) {
  if constexpr (descent::detail::shaped_expression<E>) return descent::mean(e);
  else return e;
}

}  // namespace descent::losses::detail

#endif
