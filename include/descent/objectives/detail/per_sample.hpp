// descent/objectives/detail/per_sample.hpp: an expression evaluated at every sample of its
// data columns (once without columns), with the parameters read from a span in wrt(...)
// order; the base of the expression objectives.
#ifndef DESCENT_OBJECTIVES_DETAIL_PER_SAMPLE_HPP
#define DESCENT_OBJECTIVES_DETAIL_PER_SAMPLE_HPP

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>

#include <descent/core/type_list.hpp>
#include <descent/diff/grad.hpp>
#include <descent/eval/columns.hpp>
#include <descent/eval/evaluate.hpp>
#include <descent/eval/sample_context.hpp>
#include <descent/expr/literal.hpp>

namespace descent::detail {

inline void check_size(const char* who, std::size_t expected, std::size_t got, const char* what) {
  if (expected != got)
    throw std::invalid_argument(std::string(who) + ": " + what + " has " + std::to_string(got) +
                                " entries, expected " + std::to_string(expected) +
                                " (one per variable of wrt(...))");
}

template <class E, class W, class Scalars, class Columns>
class per_sample {
 public:
  static constexpr std::size_t dimension = W::size();

  per_sample(const E& e, const Scalars& s, const Columns& c, const char* who)
      : e_(e), scalars_(s), columns_(c), rows_(rows_of(c, who)) {}

  // Number of samples (1 without data columns).
  std::size_t samples() const { return rows_; }

 protected:
  using tree = tree_t<E>;
  template <class T>
  using context = sample_context<T, W, Scalars, Columns>;
  // tree followed by its partial derivatives, in wrt(...) order.
  using value_and_gradient_roots = concat_t<type_list<tree>, typename gradient_trees<tree, W>::type>;

  // fn(row, values): the values of the trees in Roots (a type_list) at every sample, all
  // computed in one pass over their shared subexpressions.
  template <class T, class Roots, class Fn>
  void for_each_sample(std::span<const T> x, Fn&& fn) const {
    for (std::size_t r = 0; r < rows_; ++r)
      fn(r, evaluate(Roots{}, context<T>{x.data(), scalars_, columns_, r}));
  }

 private:
  template <class T, class... Roots>
  auto evaluate(type_list<Roots...>, const context<T>& ctx) const {
    return evaluate_roots<T, Roots...>(ctx, literal_data(e_));
  }

  E e_;
  Scalars scalars_;
  Columns columns_;
  std::size_t rows_;
};

}  // namespace descent::detail

#endif
