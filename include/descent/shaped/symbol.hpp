// descent/shaped/symbol.hpp: vec<"w", N> and mat<"W", R, C>, and what `w = values` binds.
//
// Like var<"x">, a symbol is a parameter or data only by use: listed in wrt(...) it is a
// parameter, bound it is data.  Bindings view the caller's numbers (nothing is copied
// unless the layout needs it) and check sizes at run time:
//   w = std::array / std::vector / std::span / an Eigen vector      one value of w
//   x = descent::data::matrix, an Eigen matrix (rows are samples)    one value per sample
//   W = an Eigen R x C matrix, or R*C numbers row-major              one value of W
// A size mismatch throws std::invalid_argument naming the symbol, the expected and the
// given size.
#ifndef DESCENT_SHAPED_SYMBOL_HPP
#define DESCENT_SHAPED_SYMBOL_HPP

#include <cstdio>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include <Eigen/Core>

#include <descent/core/error.hpp>
#include <descent/data/matrix.hpp>
#include <descent/expr/variable.hpp>
#include <descent/node/extension.hpp>
#include <descent/shaped/node.hpp>

namespace descent {

// One value of a shaped symbol: R*C numbers, row-major.
template <fixed_string Name, std::size_t R, std::size_t C>
struct shaped_value {
  static constexpr std::string_view name = Name.view();
  using value_type = double;
  const double* data;
  std::shared_ptr<const std::vector<double>> owned{};  // set when the layout had to be copied
};
// One value per sample: row i of a samples x (R*C) row-major block, `stride` apart.
template <fixed_string Name, std::size_t R, std::size_t C>
struct shaped_data {
  static constexpr std::string_view name = Name.view();
  using value_type = double;
  const double* data;
  std::size_t samples;
  std::size_t stride;
  std::shared_ptr<const std::vector<double>> owned{};
};

namespace detail {

// "descent::vec<"w", 3>: expects 3 numbers per value, was given 4" (given: printf's format of
// what was given, with up to two numbers).
[[noreturn]] inline void size_mismatch(std::string_view kind, std::string_view name, std::size_t r, std::size_t c,
                                       std::size_t expected, const char* given_format, std::size_t a, std::size_t b = 0) {
  char given[64];
  std::snprintf(given, sizeof given, given_format, a, b);
  if (kind == "mat")
    throw_invalid_argument("descent::%.*s<\"%.*s\", %zu, %zu>: expects %zu numbers per value, was given %s", len(kind),
                           kind.data(), len(name), name.data(), r, c, expected, given);
  throw_invalid_argument("descent::%.*s<\"%.*s\", %zu>: expects %zu numbers per value, was given %s", len(kind), kind.data(),
                         len(name), name.data(), r, expected, given);
}

template <class T> concept eigen_dense = std::is_base_of_v<Eigen::DenseBase<std::remove_cvref_t<T>>, std::remove_cvref_t<T>>;
template <class T>
concept eigen_vector_like = eigen_dense<T> &&
    (std::remove_cvref_t<T>::ColsAtCompileTime == 1 || std::remove_cvref_t<T>::RowsAtCompileTime == 1);

template <class T>
concept contiguous_doubles = requires(const T& r) {
  { std::data(r) } -> std::convertible_to<const double*>;
  std::size(r);
} && !eigen_dense<T>;

template <class T>
concept integer_column = requires(const T& r) {
  std::data(r);
  std::size(r);
} && std::is_integral_v<std::remove_cv_t<std::remove_pointer_t<decltype(std::data(std::declval<const T&>()))>>>;

// Bind one value of a symbol with R*C entries.
template <fixed_string Name, std::size_t R, std::size_t C, class Src>
shaped_value<Name, R, C> bind_value(std::string_view kind, const Src& src) {
  constexpr std::size_t n = R * C;
  if constexpr (contiguous_doubles<Src>) {
    if (std::size(src) != n) size_mismatch(kind, Name.view(), R, C, n, "%zu", std::size(src));
    return {std::data(src)};
  } else {
    static_assert(eigen_dense<Src>, "descent: bind a vec/mat to doubles: std::array, std::vector, std::span or an Eigen object");
    const auto rows = static_cast<std::size_t>(src.rows()), cols = static_cast<std::size_t>(src.cols());
    if (rows * cols != n || (C > 1 && !(rows == R && cols == C)))
      size_mismatch(kind, Name.view(), R, C, n, "%zux%zu", rows, cols);
    using E = std::remove_cvref_t<Src>;
    constexpr bool direct = requires { src.data(); } && (E::IsRowMajor || C == 1 || R == 1) &&
                            std::is_same_v<typename E::Scalar, double>;
    if constexpr (direct) {
      if (src.innerStride() == 1) return {src.data()};
    }
    auto copy = std::make_shared<std::vector<double>>(n);
    for (std::size_t i = 0; i < rows; ++i)
      for (std::size_t j = 0; j < cols; ++j)
        (*copy)[C > 1 ? i * C + j : i * cols + j] = static_cast<double>(src(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)));
    return {copy->data(), copy};
  }
}

}  // namespace detail

// A vector symbol: `constexpr descent::vec<"w", 30> w;`.
template <fixed_string Name, std::size_t N>
struct vec : expression_base {
  static_assert(N > 0, "descent::vec<name, N>: N must be at least 1");
  static constexpr std::string_view name = Name.view();
  static constexpr std::size_t size = N;

  // x[label]: the entry at the class index bound to the scalar variable `label`.
  template <class L>
  constexpr auto operator[](const L& label) const { return at(*this, label); }

  template <class Src>
    requires(detail::contiguous_doubles<Src> || detail::eigen_vector_like<Src>)
  shaped_value<Name, N, 1> operator=(const Src& src) const {
    return detail::bind_value<Name, N, 1>("vec", src);
  }
  // A data matrix whose rows are samples: one value of the vector per row, not copied.
  shaped_data<Name, N, 1> operator=(const data::matrix<double>& m) const {
    if (m.cols != N) detail::size_mismatch("vec", Name.view(), N, 1, N, "%zu columns", m.cols);
    return {m.values.data(), m.rows, m.cols};
  }
  template <class Src>
    requires(detail::eigen_dense<Src> && !detail::eigen_vector_like<Src>)
  shaped_data<Name, N, 1> operator=(const Src& src) const {
    using E = std::remove_cvref_t<Src>;
    const auto rows = static_cast<std::size_t>(src.rows()), cols = static_cast<std::size_t>(src.cols());
    if (cols != N) detail::size_mismatch("vec", Name.view(), N, 1, N, "%zu columns", cols);
    if constexpr (E::IsRowMajor && std::is_same_v<typename E::Scalar, double> && requires { src.data(); }) {
      if (src.innerStride() == 1) return {src.data(), rows, static_cast<std::size_t>(src.outerStride())};
    }
    auto copy = std::make_shared<std::vector<double>>(rows * cols);
    for (std::size_t i = 0; i < rows; ++i)
      for (std::size_t j = 0; j < cols; ++j)
        (*copy)[i * cols + j] = static_cast<double>(src(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)));
    return {copy->data(), rows, cols, copy};
  }
};

// A matrix symbol: `constexpr descent::mat<"W", 32, 64> W;` (bound values are row-major).
template <fixed_string Name, std::size_t R, std::size_t C>
struct mat : expression_base {
  static_assert(R > 0 && C > 0, "descent::mat<name, R, C>: R and C must be at least 1");
  static constexpr std::string_view name = Name.view();
  static constexpr std::size_t rows = R, cols = C, size = R * C;

  template <class Src>
    requires(detail::contiguous_doubles<Src> || detail::eigen_dense<Src>)
  shaped_value<Name, R, C> operator=(const Src& src) const {
    return detail::bind_value<Name, R, C>("mat", src);
  }
};

namespace detail {
template <fixed_string N, std::size_t R, std::size_t C> inline constexpr bool is_shaped_binding_v<shaped_value<N, R, C>> = true;
template <fixed_string N, std::size_t R, std::size_t C> inline constexpr bool is_shaped_binding_v<shaped_data<N, R, C>> = true;
template <fixed_string N, class T> inline constexpr bool is_shaped_binding_v<label_column<N, T>> = true;
template <fixed_string N, std::size_t K> inline constexpr bool is_shaped_symbol_v<vec<N, K>> = true;
template <fixed_string N, std::size_t R, std::size_t C> inline constexpr bool is_shaped_symbol_v<mat<N, R, C>> = true;
}  // namespace detail

}  // namespace descent

#endif
