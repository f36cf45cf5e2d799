// descent/train/callback.hpp: what a callback of descent::minimize is, and every_n.
//
// A callback is any object with one or more of these hooks (all optional, detected at
// compile time, called directly: no virtual calls):
//   void on_begin(const iteration_state<T>&)                 after the first evaluation
//   bool on_iteration(const iteration_state<T>&)             after each iteration; false stops
//                                                            (a void hook never stops)
//   void on_end(const minimize_result<T>&)                   once, when the run ends
//   bool on_finish(std::span<T> x)                           may overwrite the final params
//                                                            (keep_best); true if it did
//   std::string stop_message() const                         why on_iteration returned false
// on_begin/on_iteration may also take the method as a last argument, and on_end may take
// (result, state, method): descent::checkpoint uses these to save the method's state.
// Callbacks are held by reference for the run: pass an lvalue to read it afterwards.
#ifndef DESCENT_TRAIN_CALLBACK_HPP
#define DESCENT_TRAIN_CALLBACK_HPP

#include <cstddef>
#include <span>
#include <string>

#include <descent/train/detail/hooks.hpp>
#include <descent/train/result.hpp>

namespace descent {

/// Calls `callback`'s on_iteration only every n-th iteration (iteration % n == 0; n == 0:
/// never); its other hooks as usual.  Holds an lvalue callback by reference.
///   descent::every_n{100, descent::loss_history_csv{"loss.csv"}}
template <class C>
struct every_n {
  std::size_t n;
  C callback;

  template <class T, class M>
  void on_begin(const iteration_state<T>& s, M& m) {
    detail::call_on_begin(callback, s, m);
  }
  template <class T, class M>
  bool on_iteration(const iteration_state<T>& s, M& m) {
    if (n == 0 || s.iteration % n != 0) return true;
    return detail::call_on_iteration(callback, s, m);
  }
  template <class T, class M>
  void on_end(const minimize_result<T>& r, const iteration_state<T>& s, M& m) {
    detail::call_on_end(callback, r, s, m);
  }
  template <class T>
  bool on_finish(std::span<T> x) {
    return detail::call_on_finish(callback, x);
  }
  std::string stop_message() const { return detail::stop_message_of(callback); }
};

template <class C>
every_n(std::size_t, C&&) -> every_n<C>;

}  // namespace descent

#endif  // DESCENT_TRAIN_CALLBACK_HPP
