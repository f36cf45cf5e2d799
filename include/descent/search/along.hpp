#ifndef DESCENT_SEARCH_ALONG_HPP
#define DESCENT_SEARCH_ALONG_HPP

// phi(alpha) = f(x + alpha d) built from an objective, a point and a direction.  The caller
// owns the trial buffers (x_trial, g_trial), so a search allocates nothing; after a search
// that succeeded, x_trial and g_trial hold the accepted point and its gradient
// (`at(alpha)` tells whether they do), so methods need no extra evaluation.

#include <descent/search/result.hpp>
#include <descent/problem/objective.hpp>

#include <cstddef>
#include <limits>
#include <span>
#include <stdexcept>
#include <type_traits>

namespace descent::search {

template <class F, class T>
class line_along {
 public:
  line_along(F& f, std::span<const T> x, std::span<const T> d, std::span<T> x_trial,
             std::span<T> g_trial)
      : f_(&f), x_(x), d_(d), xt_(x_trial), gt_(g_trial) {
    if (d.size() != x.size() || x_trial.size() != x.size() || g_trial.size() != x.size())
      throw std::invalid_argument(
          "descent::search::along: x, direction, x_trial and g_trial must have equal sizes");
  }

  trial<T> operator()(T alpha) {
    for (std::size_t i = 0; i < x_.size(); ++i) xt_[i] = x_[i] + alpha * d_[i];
    const T value = static_cast<T>((*f_)(std::span<const T>(xt_), gt_));
    T slope = T(0);
    for (std::size_t i = 0; i < x_.size(); ++i) slope += gt_[i] * d_[i];
    last_ = alpha;
    ++evaluations_;
    return {value, slope};
  }

  // True when x_trial/g_trial hold x + alpha d and its gradient (the last evaluation).
  [[nodiscard]] bool at(T alpha) const noexcept { return evaluations_ > 0 && last_ == alpha; }
  [[nodiscard]] std::size_t evaluations() const noexcept { return evaluations_; }

 private:
  F* f_;
  std::span<const T> x_, d_;
  std::span<T> xt_, gt_;
  T last_ = std::numeric_limits<T>::quiet_NaN();
  std::size_t evaluations_ = 0;
};

// search::along(f, x, d, x_trial, g_trial): the line function of objective f through x
// along d.  Usage: `auto phi = search::along(f, x, d, xt, gt); auto r = wolfe(phi, f0, g.d, 1.0);`
struct along_fn {
  template <class F, class T>
    requires objective<F, T>
  [[nodiscard]] line_along<F, T> operator()(F& f, std::type_identity_t<std::span<const T>> x,
                                            std::type_identity_t<std::span<const T>> d,
                                            std::span<T> x_trial, std::span<T> g_trial) const {
    return line_along<F, T>(f, x, d, x_trial, g_trial);
  }
};
inline constexpr along_fn along{};

}  // namespace descent::search

#endif
