#ifndef DESCENT_SECOND_ORDER_DETAIL_LINE_STEP_HPP
#define DESCENT_SECOND_ORDER_DETAIL_LINE_STEP_HPP

// Shared by the line-search methods: search along d from (x, loss, g) and, when the search
// succeeds, move x there and leave loss and g as those of the new point.  On failure x, loss
// and g are left untouched (still consistent), and the caller reports the failure.

#include <descent/search/along.hpp>
#include <descent/search/result.hpp>
#include <descent/second_order/detail/vec.hpp>

#include <cstddef>
#include <span>

namespace descent::second_order::detail {

template <class T>
struct line_step_result {
  search::result<T> search;
  std::size_t evaluations;  // calls of f, including a re-evaluation at the accepted point
};

template <class Search, class F, class T>
line_step_result<T> line_step(const Search& ls, F& f, std::span<T> x, T& loss, std::span<T> g,
                              std::span<const T> d, T alpha0, std::span<T> x_trial,
                              std::span<T> g_trial) {
  auto phi = search::along(f, as_const(x), d, x_trial, g_trial);
  const T slope = dot(as_const(g), d);
  const search::result<T> r = ls(phi, loss, slope, alpha0);
  std::size_t evals = r.evaluations;
  if (r.ok()) {
    if (!phi.at(r.alpha)) {  // a search that did not end on its last trial point
      phi(r.alpha);
      ++evals;
    }
    copy(as_const(x_trial), x);
    copy(as_const(g_trial), g);
    loss = r.value;
  }
  return {r, evals};
}

}  // namespace descent::second_order::detail

#endif
