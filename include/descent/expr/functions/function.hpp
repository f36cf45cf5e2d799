// descent/expr/functions/function.hpp: how a function joins the expression language.
//
// A function is a tag type with
//   name, latex              how it prints
//   eval(T...)               its value (T = double or float)
//   partial<I, A...>         the derivative with respect to its I-th argument, as a type
//   symmetric (optional)     arguments may be reordered (min, max, logsumexp)
// optional simplifications as specializations of detail::rewrite_rule<tag, A...>,
// and `descent::name(args...)` builds apply_t<tag, args...> with the operands' numbers.
#ifndef DESCENT_EXPR_FUNCTIONS_FUNCTION_HPP
#define DESCENT_EXPR_FUNCTIONS_FUNCTION_HPP

#include <descent/expr/literal.hpp>
#include <descent/expr/operators.hpp>
#include <descent/simplify/apply.hpp>

namespace descent::detail {

template <class Fn>
struct applier {
  template <class... As>
  using type = apply_t<Fn, As...>;
};

template <class Fn, class... As>
constexpr auto call_function(const As&... as) {
  return combine<applier<Fn>::template type>(as_expression(as)...);
}

}  // namespace descent::detail

#endif
