// descent/objectives/least_squares.hpp: least squares from a residual expression.
//
//   descent::make_least_squares(r, wrt(m, c), x = xs, y = ys)
//       residuals r_i = r(x = xs[i], ...), the Jacobian generated at compile time;
//       f(x) = 1/2 sum_i r_i(x)^2 for Gauss-Newton and Levenberg-Marquardt
// Scalar bindings (`lambda = 0.1`) may be passed too; the parameter vector is ordered as
// wrt(...).
#ifndef DESCENT_OBJECTIVES_LEAST_SQUARES_HPP
#define DESCENT_OBJECTIVES_LEAST_SQUARES_HPP

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>

#include <descent/eval/arguments.hpp>
#include <descent/objectives/detail/per_sample.hpp>

namespace descent {

namespace detail {
// The argument checks of make_least_squares, in its words; instantiated by the call at once.
template <class R, class W, bool DataOk>
struct least_squares_arguments {
  static_assert(expression<R>, "descent::make_least_squares(r, wrt(...), ...): r is not a descent expression");
  static_assert(is_wrt_v<W>, "descent::make_least_squares(r, vars, ...): pass the variables as descent::wrt(x, y, ...)");
  static_assert(DataOk, "descent::make_least_squares(r, wrt(...), ...): after wrt(...) pass bindings "
                        "`name = value` or data columns `name = data`");
};
}  // namespace detail

// Least squares from a residual expression: f(x) = 1/2 sum_i r_i(x)^2 over the samples of
// the data columns (or a single residual without data).
template <class R, class W, class Scalars, class Columns>
class least_squares_objective_of : public detail::per_sample<R, W, Scalars, Columns> {
  using base = detail::per_sample<R, W, Scalars, Columns>;
  using typename base::tree;
  static constexpr const char* who = "descent::make_least_squares";

 public:
  using base::dimension;

  least_squares_objective_of(const R& r, const Scalars& s, const Columns& c) : base(r, s, c, who) {}

  std::size_t num_residuals() const { return this->samples(); }

  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    check(x, r);
    this->template for_each_sample<T, detail::type_list<tree>>(x, [&](std::size_t i, const auto& v) { r[i] = v[0]; });
  }
  // r (m) and J (row-major m*n) in one pass per sample.
  template <class T>
  void residuals_and_jacobian(std::span<const T> x, std::span<T> r, std::span<T> j) const {
    check(x, r);
    if (j.size() != num_residuals() * dimension)
      throw std::invalid_argument(std::string(who) + ": the Jacobian has " + std::to_string(j.size()) +
                                  " entries, expected " + std::to_string(num_residuals() * dimension));
    this->template for_each_sample<T, typename base::value_and_gradient_roots>(x, [&](std::size_t i, const auto& all) {
      r[i] = all[0];
      for (std::size_t k = 0; k < dimension; ++k) j[i * dimension + k] = all[k + 1];
    });
  }
  // 1/2 |r|^2 and its gradient J^T r.
  template <class T>
  T operator()(std::span<const T> x, std::span<T> g) const {
    detail::check_size(who, dimension, x.size(), "the parameter vector");
    detail::check_size(who, dimension, g.size(), "the gradient");
    T total = 0;
    for (auto& v : g) v = T(0);
    this->template for_each_sample<T, typename base::value_and_gradient_roots>(x, [&](std::size_t, const auto& all) {
      total += all[0] * all[0] / T(2);
      for (std::size_t k = 0; k < dimension; ++k) g[k] += all[0] * all[k + 1];
    });
    return total;
  }
  template <class T>
  T operator()(std::span<T> x, std::span<T> g) const { return (*this)(std::span<const T>(x), g); }

 private:
  template <class T>
  void check(std::span<const T> x, std::span<T> r) const {
    detail::check_size(who, dimension, x.size(), "the parameter vector");
    if (r.size() != num_residuals())
      throw std::invalid_argument(std::string(who) + ": the residual vector has " + std::to_string(r.size()) +
                                  " entries, expected " + std::to_string(num_residuals()) + " (one per sample)");
  }
};

struct least_squares_fn {
  template <class R, class W, class... Args>
  constexpr auto operator()(const R& r, W, const Args&... args) const {
    using split = detail::split_arguments<Args...>;
    (void)detail::least_squares_arguments<R, W, split::valid>{};
    if constexpr (expression<R> && detail::is_wrt_v<W> && split::valid) {
      using S = typename split::scalars;
      using C = typename split::columns;
      return least_squares_objective_of<R, W, S, C>(r, detail::gather<S>(args...), detail::gather<C>(args...));
    }
  }
};

// make_least_squares(r, wrt(m, c), data columns...): a least-squares objective (Gauss-Newton, LM).
inline constexpr least_squares_fn make_least_squares{};

}  // namespace descent

#endif
