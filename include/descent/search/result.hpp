#ifndef DESCENT_SEARCH_RESULT_HPP
#define DESCENT_SEARCH_RESULT_HPP

// What a line search returns: the step it chose, phi and phi' there, how many times it
// evaluated phi, and whether the step satisfies the conditions it promised.  A failed search
// says so in `status` and `message`; it never pretends.

#include <concepts>
#include <cstddef>

namespace descent::search {

// One evaluation of the 1-D function phi(alpha) = f(x + alpha d): value and derivative
// phi'(alpha) = grad f(x + alpha d) . d.
template <class T>
struct trial {
  T value;
  T derivative;
};

enum class search_status {
  success,             // the returned step satisfies the search's conditions
  not_descent,         // phi'(0) >= 0 (or not finite): the direction does not go downhill
  max_evaluations,     // evaluation budget spent before a step satisfied the conditions
  max_step,            // phi kept decreasing with phi' < 0 up to the largest allowed step
  interval_too_small,  // the bracket shrank to rounding level without an acceptable step
  not_finite,          // phi(0) or phi'(0) is NaN or infinite
};

template <class T>
struct result {
  T alpha;                    // the chosen step (0 when nothing better than alpha = 0 was seen)
  T value;                    // phi(alpha)
  T derivative;               // phi'(alpha)
  std::size_t evaluations;    // calls of phi made by this search
  search_status status;
  const char* message;        // a sentence for people; "" on success

  [[nodiscard]] constexpr bool ok() const noexcept { return status == search_status::success; }
};

// phi: anything callable with a step alpha that returns trial<T> (value and derivative).
template <class P, class T>
concept line_function = std::floating_point<T> && requires(P& phi, T alpha) {
  { phi(alpha) } -> std::convertible_to<trial<T>>;
};

}  // namespace descent::search

#endif
