// descent/train/expression_objective.hpp: objectives from expressions.
//
//   descent::make_objective(f, wrt(x, y))            f(x, g) with the gradient generated at
//                                                     compile time, .hessian(x, h) too
//   descent::make_objective(loss, wrt(w, b), x = xs, y = ys)
//                                                     the sum over samples i of loss with
//                                                     x = xs[i], y = ys[i] (data columns)
//   descent::make_least_squares(r, wrt(m, c), x = xs, y = ys)
//                                                     residuals r_i = r(x = xs[i], ...), the
//                                                     Jacobian generated at compile time
// Scalar bindings (`lambda = 0.1`) may be passed too; they are fixed for the objective.
// The parameter vector is ordered as wrt(...).  Each evaluation computes the value and all
// derivatives in one pass over their shared subexpressions.
#ifndef DESCENT_TRAIN_EXPRESSION_OBJECTIVE_HPP
#define DESCENT_TRAIN_EXPRESSION_OBJECTIVE_HPP

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>

#include <descent/eval/eval.hpp>
#include <descent/train/objective.hpp>

namespace descent {

namespace detail {

template <class T> inline constexpr bool is_column_v = false;
template <fixed_string N, class T> inline constexpr bool is_column_v<column<N, T>> = true;

template <class... Cs>
struct column_set : Cs... {
  template <class Var>
  static constexpr std::size_t count = count_named<Var, Cs...>;
  template <fixed_string Name, class T>
  static constexpr std::span<const T> values_of(const column<Name, T>& c) { return c.values; }
  template <fixed_string Name>
  constexpr auto at(const var<Name>&, std::size_t row) const { return values_of<Name>(*this)[row]; }
};

template <class W> struct wrt_index;
template <class... Vs> struct wrt_index<wrt_t<Vs...>> {
  template <class Var>
  static constexpr std::size_t of = [] {
    constexpr bool hits[] = {std::is_same_v<Var, Vs>..., false};
    for (std::size_t i = 0; i < sizeof...(Vs); ++i)
      if (hits[i]) return i;
    return sizeof...(Vs);
  }();
};

// Variables of wrt(...) read the parameter span; others a scalar binding or a data column.
template <class T, class W, class Scalars, class Columns>
struct objective_context {
  const T* x;
  const Scalars& scalars;
  const Columns& columns;
  std::size_t row;

  template <class Var>
  static constexpr std::size_t count = (wrt_index<W>::template of<Var> < W::size()) +
                                       Scalars::template count<Var> + Columns::template count<Var>;
  template <class Var>
  constexpr T get(const Var& v) const {
    if constexpr (wrt_index<W>::template of<Var> < W::size()) return x[wrt_index<W>::template of<Var>];
    else if constexpr (Scalars::template count<Var> == 1) return static_cast<T>(scalars.get(v));
    else return static_cast<T>(columns.at(v, row));
  }
};

template <class... Args>
struct split_bindings {
  template <class A>
  using as_scalar = std::conditional_t<is_binding_v<A>, type_list<A>, type_list<>>;
  template <class A>
  using as_column = std::conditional_t<is_column_v<A>, type_list<A>, type_list<>>;
  using scalars = apply_list_t<binding_set, concat_t<as_scalar<Args>...>>;
  using columns = apply_list_t<column_set, concat_t<as_column<Args>...>>;
  static_assert(((is_binding_v<Args> || is_column_v<Args>) && ...),
                "descent::make_objective / make_least_squares: after wrt(...) pass bindings `name = value` "
                "or data columns `name = data`");
};

template <class Set, class A>
constexpr void assign_if_base(Set& s, const A& a) {
  if constexpr (std::is_base_of_v<A, Set>) static_cast<A&>(s) = a;
}
template <class Set, class... Args>
constexpr Set gather(const Args&... args) {
  Set s{};
  ((void)assign_if_base(s, args), ...);
  return s;
}

template <class... Cs>
std::size_t rows_of(const column_set<Cs...>& c, const char* who) {
  if constexpr (sizeof...(Cs) == 0) {
    (void)c;
    return 1;
  } else {
    const std::size_t sizes[] = {static_cast<const Cs&>(c).values.size()...};
    const std::string_view names[] = {Cs::name...};
    for (std::size_t i = 1; i < sizeof...(Cs); ++i)
      if (sizes[i] != sizes[0])
        throw std::invalid_argument(std::string(who) + ": data columns differ in length: '" +
                                    std::string(names[0]) + "' has " + std::to_string(sizes[0]) +
                                    " values, '" + std::string(names[i]) + "' has " +
                                    std::to_string(sizes[i]));
    return sizes[0];
  }
}

inline void check_size(const char* who, std::size_t expected, std::size_t got, const char* what) {
  if (expected != got)
    throw std::invalid_argument(std::string(who) + ": " + what + " has " + std::to_string(got) +
                                " entries, expected " + std::to_string(expected) +
                                " (one per variable of wrt(...))");
}

// An expression evaluated at every sample of its data columns (once without columns), with
// the parameters read from a span in wrt(...) order.
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
  using context = objective_context<T, W, Scalars, Columns>;
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

}  // namespace detail

// An expression objective: see the file comment.  Copyable; holds f by value and data
// columns by view.
template <class F, class W, class Scalars, class Columns>
class expression_objective : public detail::per_sample<F, W, Scalars, Columns> {
  using base = detail::per_sample<F, W, Scalars, Columns>;
  using typename base::tree;
  static constexpr const char* who = "descent::make_objective";

 public:
  using base::dimension;

  expression_objective(const F& f, const Scalars& s, const Columns& c) : base(f, s, c, who) {}

  // f(x), gradient into g.
  template <class T>
  T operator()(std::span<const T> x, std::span<T> g) const {
    detail::check_size(who, dimension, x.size(), "the parameter vector");
    detail::check_size(who, dimension, g.size(), "the gradient");
    T total = 0;
    for (auto& v : g) v = T(0);
    this->template for_each_sample<T, typename base::value_and_gradient_roots>(x, [&](std::size_t, const auto& all) {
      total += all[0];
      for (std::size_t i = 0; i < dimension; ++i) g[i] += all[i + 1];
    });
    return total;
  }
  template <class T>
  T operator()(std::span<T> x, std::span<T> g) const { return (*this)(std::span<const T>(x), g); }

  // f(x) alone.
  template <class T>
  T value(std::span<const T> x) const {
    detail::check_size(who, dimension, x.size(), "the parameter vector");
    T total = 0;
    this->template for_each_sample<T, detail::type_list<tree>>(x, [&](std::size_t, const auto& v) { total += v[0]; });
    return total;
  }

  // The exact Hessian, row-major n*n.
  template <class T>
  void hessian(std::span<const T> x, std::span<T> h) const {
    detail::check_size(who, dimension, x.size(), "the parameter vector");
    if (h.size() != dimension * dimension)
      throw std::invalid_argument("descent::make_objective(...).hessian: h has " + std::to_string(h.size()) +
                                  " entries, expected " + std::to_string(dimension * dimension));
    for (auto& v : h) v = T(0);
    this->template for_each_sample<T, typename detail::hessian_trees<tree, W>::type>(x, [&](std::size_t, const auto& hr) {
      for (std::size_t k = 0; k < hr.size(); ++k) h[k] += hr[k];
    });
  }
  template <class T>
  void hessian(std::span<T> x, std::span<T> h) const { hessian(std::span<const T>(x), h); }
};

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

struct objective_fn {
  template <class F, class W, class... Args>
  constexpr auto operator()(const F& f, W, const Args&... args) const {
    detail::check_expression_argument<F>();
    detail::check_wrt_argument<W>();
    using split = detail::split_bindings<Args...>;
    using S = typename split::scalars;
    using C = typename split::columns;
    return expression_objective<F, W, S, C>(f, detail::gather<S>(args...), detail::gather<C>(args...));
  }
};
struct least_squares_fn {
  template <class R, class W, class... Args>
  constexpr auto operator()(const R& r, W, const Args&... args) const {
    detail::check_expression_argument<R>();
    detail::check_wrt_argument<W>();
    using split = detail::split_bindings<Args...>;
    using S = typename split::scalars;
    using C = typename split::columns;
    return least_squares_objective_of<R, W, S, C>(r, detail::gather<S>(args...), detail::gather<C>(args...));
  }
};

// make_objective(f, wrt(x, y), bindings or data columns...): an objective for descent::minimize.
inline constexpr objective_fn make_objective{};
// make_least_squares(r, wrt(m, c), data columns...): a least-squares objective (Gauss-Newton, LM).
inline constexpr least_squares_fn make_least_squares{};

}  // namespace descent

#endif
