#ifndef DESCENT_SECOND_ORDER_BOX_HPP
#define DESCENT_SECOND_ORDER_BOX_HPP

// Box constraints lower_i <= x_i <= upper_i (use +-infinity for a free side), and
// project_onto_box(optimizer, box): any first-order optimizer made into a method that
// projects x back onto the box after each of its steps (projected gradient descent when the
// optimizer is plain gradient descent).

#include <descent/problem/method.hpp>
#include <descent/problem/objective.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace descent::second_order {

// `descent::second_order::box<double>{.lower = {0, -1}, .upper = {1, 1}}`, or box<double>::uniform(n, lo, hi).
template <class T = double>
struct box {
  std::vector<T> lower, upper;

  static box uniform(std::size_t n, T lo, T hi) {
    return {std::vector<T>(n, lo), std::vector<T>(n, hi)};
  }

  // Throws std::invalid_argument naming the problem: sizes that differ from n, NaN bounds,
  // or lower_i > upper_i.
  void check(std::size_t n) const {
    if (lower.size() != n || upper.size() != n)
      throw std::invalid_argument("descent::second_order::box: lower and upper must have " + std::to_string(n) +
                                  " entries (one per parameter), got " +
                                  std::to_string(lower.size()) + " and " +
                                  std::to_string(upper.size()));
    for (std::size_t i = 0; i < n; ++i)
      if (!(lower[i] <= upper[i]))
        throw std::invalid_argument("descent::second_order::box: lower[" + std::to_string(i) + "] > upper[" +
                                    std::to_string(i) + "] (or NaN)");
  }

  // x := P(x), the nearest point of the box.
  void project(std::span<T> x) const noexcept {
    for (std::size_t i = 0; i < x.size(); ++i) x[i] = std::clamp(x[i], lower[i], upper[i]);
  }
  [[nodiscard]] bool contains(std::span<const T> x) const noexcept {
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!(x[i] >= lower[i] && x[i] <= upper[i])) return false;
    return true;
  }
  // Largest |x_i - P(x_i - g_i)|: zero exactly at first-order stationary points of the box
  // problem (the stopping measure of L-BFGS-B).
  [[nodiscard]] T projected_gradient_norm(std::span<const T> x, std::span<const T> g) const {
    T m = T(0);
    for (std::size_t i = 0; i < x.size(); ++i)
      m = std::max(m, std::abs(x[i] - std::clamp(x[i] - g[i], lower[i], upper[i])));
    return m;
  }
};

// The method made by project_onto_box(optimizer, box): optimizer step, projection, one
// evaluation.  O may be a reference (the caller's optimizer) or a value (owned).
template <class O, class T>
class projected_method {
 public:
  template <class U>
  projected_method(U&& opt, box<T> b) : opt_(std::forward<U>(opt)), box_(std::move(b)) {}

  template <class F>
  step_report step(F& f, std::span<T> x, T& loss, std::span<T> g) {
    static_assert(objective<F, T>,
                  "descent::second_order::project_onto_box: the objective must be callable as f(x, g)");
    if (!checked_) {
      box_.check(x.size());
      checked_ = true;
    }
    const std::span<const T> cg(g.data(), g.size());
    if constexpr (requires { opt_.step(x, cg, loss); })
      opt_.step(x, cg, loss);
    else
      opt_.step(x, cg);
    box_.project(x);
    loss = static_cast<T>(f(std::span<const T>(x.data(), x.size()), g));
    return {1, method_status::running, nullptr};
  }

  void reset()
    requires requires(std::remove_reference_t<O>& o) { o.reset(); }
  {
    opt_.reset();
  }
  template <class Archive>
  void serialize(Archive& ar) {
    if constexpr (requires { opt_.serialize(ar); }) opt_.serialize(ar);
  }

  std::remove_reference_t<O>& optimizer() noexcept { return opt_; }
  const box<T>& bounds() const noexcept { return box_; }

 private:
  O opt_;
  box<T> box_;
  bool checked_ = false;
};

struct project_onto_box_fn {
  // project_onto_box(opt, box): a method; an lvalue optimizer is referred to, an rvalue owned.
  template <class O, class T>
    requires requires(std::remove_cvref_t<O>& o, std::span<T> x, std::span<const T> g) {
      o.step(x, g);
    }
  [[nodiscard]] auto operator()(O&& opt, box<T> b) const {
    return projected_method<O, T>(std::forward<O>(opt), std::move(b));
  }
  // project_onto_box(x, box): projects x in place.
  template <class T>
  void operator()(std::span<T> x, const box<T>& b) const {
    b.check(x.size());
    b.project(x);
  }
};
inline constexpr project_onto_box_fn project_onto_box{};

}  // namespace descent::second_order

// The documented short names: descent::box, descent::projected_method, descent::project_onto_box.
namespace descent {
using second_order::box;
using second_order::projected_method;
using second_order::project_onto_box_fn;
using second_order::project_onto_box;
}  // namespace descent

#endif
