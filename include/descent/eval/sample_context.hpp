// descent/eval/sample_context.hpp: the context of one sample of an objective.  Variables of
// wrt(...) read the parameter vector x (in wrt order); the others a scalar binding
// (`lambda = 0.1`) or the data column bound to them, at sample `row`.
#ifndef DESCENT_EVAL_SAMPLE_CONTEXT_HPP
#define DESCENT_EVAL_SAMPLE_CONTEXT_HPP

#include <cstddef>

#include <descent/diff/wrt_index.hpp>

namespace descent::detail {

template <class T, class W, class Scalars, class Columns>
struct sample_context {
  const T* x;
  const Scalars& scalars;
  const Columns& columns;
  std::size_t row;

  template <class Var>
  static constexpr std::size_t count = in_wrt_v<W, Var> + Scalars::template count<Var> +
                                       Columns::template count<Var>;
  template <class Var>
  constexpr T get(const Var& v) const {
    if constexpr (in_wrt_v<W, Var>) return x[wrt_index<W>::template of<Var>];
    else if constexpr (Scalars::template count<Var> == 1) return static_cast<T>(scalars.get(v));
    else return static_cast<T>(columns.at(v, row));
  }
};

}  // namespace descent::detail

#endif
