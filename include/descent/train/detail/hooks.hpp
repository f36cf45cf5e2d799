// Calling a callback's optional hooks (detected with requires-expressions; no virtual
// calls).  Each hook may take the method as a last argument (checkpoint needs it).
#ifndef DESCENT_TRAIN_DETAIL_HOOKS_HPP
#define DESCENT_TRAIN_DETAIL_HOOKS_HPP

#include <span>
#include <string>
#include <type_traits>

#include <descent/train/result.hpp>

namespace descent::detail {

template <class C, class T, class M>
void call_on_begin(C& c, const iteration_state<T>& s, M& m) {
  if constexpr (requires { c.on_begin(s, m); })
    c.on_begin(s, m);
  else if constexpr (requires { c.on_begin(s); })
    c.on_begin(s);
}

/// false: the callback asks the loop to stop.  A hook returning void never stops it.
template <class C, class T, class M>
bool call_on_iteration(C& c, const iteration_state<T>& s, M& m) {
  if constexpr (requires { c.on_iteration(s, m); }) {
    if constexpr (std::is_void_v<decltype(c.on_iteration(s, m))>) {
      c.on_iteration(s, m);
      return true;
    } else {
      return static_cast<bool>(c.on_iteration(s, m));
    }
  } else if constexpr (requires { c.on_iteration(s); }) {
    if constexpr (std::is_void_v<decltype(c.on_iteration(s))>) {
      c.on_iteration(s);
      return true;
    } else {
      return static_cast<bool>(c.on_iteration(s));
    }
  } else {
    return true;
  }
}

template <class C, class T, class M>
void call_on_end(C& c, const minimize_result<T>& r, const iteration_state<T>& s, M& m) {
  if constexpr (requires { c.on_end(r, s, m); })
    c.on_end(r, s, m);
  else if constexpr (requires { c.on_end(r); })
    c.on_end(r);
}

/// on_finish(x) may overwrite the final parameters (keep_best); true if it did.
template <class C, class T>
bool call_on_finish(C& c, std::span<T> x) {
  if constexpr (requires { { c.on_finish(x) } -> std::convertible_to<bool>; })
    return static_cast<bool>(c.on_finish(x));
  else
    return false;
}

/// Why a callback stopped the run, in words.
template <class C>
std::string stop_message_of(const C& c) {
  if constexpr (requires { { c.stop_message() } -> std::convertible_to<std::string>; })
    return std::string(c.stop_message());
  else
    return "a callback's on_iteration returned false";
}

/// C has at least one hook the loop can call.
template <class C, class T, class M>
concept has_hook = requires(C& c, const iteration_state<T>& s, const minimize_result<T>& r,
                            M& m, std::span<T> x) {
  requires requires { c.on_begin(s); } || requires { c.on_begin(s, m); } ||
           requires { c.on_iteration(s); } || requires { c.on_iteration(s, m); } ||
           requires { c.on_end(r); } || requires { c.on_end(r, s, m); } ||
           requires { c.on_finish(x); };
};

}  // namespace descent::detail

#endif  // DESCENT_TRAIN_DETAIL_HOOKS_HPP
