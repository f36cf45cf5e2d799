// descent/shaped/operators.hpp: the operations of the shaped language.
//
//   a + b, a - b, -a          elementwise; a scalar operand broadcasts
//   A * B                     matrix product when A's columns match B's rows (W * x);
//                             otherwise, for equal shapes, the elementwise product
//   hadamard(a, b), a / b     elementwise
//   f(a)                      every scalar function, elementwise (tanh(W * x + b))
//   dot, transpose, outer, sum, mean, sq_norm, norm, l1_norm
//   head<K>, tail<K>, segment<Offset, K>      compile-time slices of a vector
//   softmax, log_softmax, logsumexp(v)        over a vector
//   v[label]                  the entry at a runtime class label (an integer data column)
//   sum_over_samples(e), mean_over_samples(e) e summed / averaged over the rows of the data
//
// A shape error is one static_assert whose message names the operation and both shapes, as
// the template arguments of descent::shape_mismatch<operation, rows1, cols1, rows2, cols2>.
#ifndef DESCENT_SHAPED_OPERATORS_HPP
#define DESCENT_SHAPED_OPERATORS_HPP

#include <descent/expr/functions/exp_log.hpp>
#include <descent/expr/functions/nonsmooth.hpp>
#include <descent/expr/functions/power.hpp>
#include <descent/expr/functions/sigmoid.hpp>
#include <descent/expr/functions/trig.hpp>
#include <descent/expr/operators.hpp>
#include <descent/shaped/build.hpp>
#include <descent/shaped/symbol.hpp>

namespace descent {

// Instantiated (and failing) when operand shapes do not fit: the compiler's message shows
// the operation and the shapes as this template's arguments.
template <class Operation, std::size_t Rows1, std::size_t Cols1, std::size_t Rows2, std::size_t Cols2>
struct shape_mismatch {
  static_assert(sizeof(Operation) == 0,
                "descent: operand shapes do not fit; see shape_mismatch<operation, rows1, cols1, rows2, cols2>");
};
// Instantiated when an operation needs a vector (N x 1) and got another shape.
template <class Operation, std::size_t Rows, std::size_t Cols>
struct needs_a_vector {
  static_assert(sizeof(Operation) == 0,
                "descent: this operation needs a vector (N x 1); see needs_a_vector<operation, rows, cols>");
};

namespace detail {

template <class T>
concept shaped_expression = expression<T> && !is_scalar_v<tree_t<T>>;
template <class A, class B>
concept shaped_operands = expression_operands<A, B> && (shaped_expression<A> || shaped_expression<B>);

template <class T> using tree_of = tree_t<decltype(as_expression(std::declval<const T&>()))>;

// Both operands of an elementwise operation have one shape, or one is a scalar.
template <class Op, class A, class B>
constexpr bool check_elementwise() {
  constexpr shape a = shape_v<tree_of<A>>, b = shape_v<tree_of<B>>;
  if constexpr (!a.scalar && !b.scalar && a != b)
    return sizeof(shape_mismatch<Op, a.rows, a.cols, b.rows, b.cols>) == 0;
  else return true;
}
template <class Op, class A>
constexpr bool check_vector() {
  constexpr shape a = shape_v<tree_of<A>>;
  if constexpr (!a.is_vector()) return sizeof(needs_a_vector<Op, a.rows, a.cols>) == 0;
  else return true;
}

template <class A, class B>
using product_build_t = std::conditional_t<
    (!is_scalar_v<A> && !is_scalar_v<B> && shape_v<A>.cols != shape_v<B>.rows), mul_t<A, B>, matmul_t<A, B>>;

template <class Fn>
struct mapper {
  template <class A> using type = map_t<Fn, A>;
};
template <std::intmax_t P, std::intmax_t Q>
struct power_by {
  template <class A> using type = powc_t<P, Q, A>;
};
template <std::size_t Off, std::size_t K>
struct slicer {
  template <class A> using type = slice_t<Off, K, A>;
};
template <class A> using neg_t = mul_t<constant<-1>, A>;
template <class A> using log_softmax_t = sub_t<A, lse_t<A>>;
template <class A> using sq_norm_t = dot_t<A, A>;
template <class A> using norm_t = power_t<dot_t<A, A>, constant<1, 2>>;
template <class A> using l1_norm_t = rsum_t<map_t<fn::abs, A>>;
template <class A> using mean_t = product_t<constant<1, static_cast<std::intmax_t>(shape_v<A>.size())>, rsum_t<A>>;
template <class A, class B> using outer_t = matmul_t<A, transpose_t<B>>;

}  // namespace detail

// ---- arithmetic -------------------------------------------------------------------------
template <class A, class B>
  requires detail::shaped_operands<A, B>
constexpr auto operator+(const A& a, const B& b) {
  if constexpr (detail::check_elementwise<shaped::op::add, A, B>())
    return detail::combine<detail::add_t>(detail::as_expression(a), detail::as_expression(b));
}
template <class A, class B>
  requires detail::shaped_operands<A, B>
constexpr auto operator-(const A& a, const B& b) {
  if constexpr (detail::check_elementwise<shaped::op::sub, A, B>())
    return detail::combine<detail::sub_t>(detail::as_expression(a), detail::as_expression(b));
}
template <class A>
  requires detail::shaped_expression<A>
constexpr auto operator-(const A& a) {
  return detail::combine<detail::neg_t>(a);
}
template <class A, class B>
  requires detail::shaped_operands<A, B>
constexpr auto operator*(const A& a, const B& b) {
  using TA = detail::tree_of<A>;
  using TB = detail::tree_of<B>;
  constexpr shape sa = detail::shape_v<TA>, sb = detail::shape_v<TB>;
  if constexpr (!sa.scalar && !sb.scalar && sa.cols != sb.rows && sa != sb) {
    static_assert(sizeof(shape_mismatch<shaped::op::matmul, sa.rows, sa.cols, sb.rows, sb.cols>) == 0);
  } else {
    return detail::combine<detail::product_build_t>(detail::as_expression(a), detail::as_expression(b));
  }
}
template <class A, class B>
  requires detail::shaped_operands<A, B>
constexpr auto operator/(const A& a, const B& b) {
  if constexpr (detail::check_elementwise<shaped::op::div, A, B>())
    return detail::combine<detail::div_t>(detail::as_expression(a), detail::as_expression(b));
}
// The elementwise product of two operands of one shape (or a scalar and a shaped one).
template <class A, class B>
  requires detail::shaped_operands<A, B>
constexpr auto hadamard(const A& a, const B& b) {
  if constexpr (detail::check_elementwise<shaped::op::mul, A, B>())
    return detail::combine<detail::mul_t>(detail::as_expression(a), detail::as_expression(b));
}

// ---- elementwise functions -------------------------------------------------------------
#define DESCENT_SHAPED_ELEMENTWISE(name)                                                   \
  template <class A>                                                                      \
    requires detail::shaped_expression<A>                                                 \
  constexpr auto name(const A& a) {                                                       \
    return detail::combine<detail::mapper<fn::name>::template type>(a);                   \
  }
DESCENT_SHAPED_ELEMENTWISE(exp)
DESCENT_SHAPED_ELEMENTWISE(log)
DESCENT_SHAPED_ELEMENTWISE(log1p)
DESCENT_SHAPED_ELEMENTWISE(expm1)
DESCENT_SHAPED_ELEMENTWISE(sin)
DESCENT_SHAPED_ELEMENTWISE(cos)
DESCENT_SHAPED_ELEMENTWISE(tan)
DESCENT_SHAPED_ELEMENTWISE(tanh)
DESCENT_SHAPED_ELEMENTWISE(sigmoid)
DESCENT_SHAPED_ELEMENTWISE(softplus)
DESCENT_SHAPED_ELEMENTWISE(abs)
DESCENT_SHAPED_ELEMENTWISE(relu)
DESCENT_SHAPED_ELEMENTWISE(sign)
DESCENT_SHAPED_ELEMENTWISE(step)
#undef DESCENT_SHAPED_ELEMENTWISE

template <class A>
  requires detail::shaped_expression<A>
constexpr auto sq(const A& a) { return detail::combine<detail::power_by<2, 1>::template type>(a); }
template <class A>
  requires detail::shaped_expression<A>
constexpr auto sqrt(const A& a) { return detail::combine<detail::power_by<1, 2>::template type>(a); }
// pow(a, 3_c): every entry to an exact power.
template <class A, std::intmax_t P, std::intmax_t Q>
  requires detail::shaped_expression<A>
constexpr auto pow(const A& a, node::constant<P, Q>) { return detail::combine<detail::power_by<P, Q>::template type>(a); }

// ---- linear algebra and reductions -----------------------------------------------------
template <class A, class B>
  requires(detail::shaped_expression<A> && detail::shaped_expression<B>)
constexpr auto dot(const A& a, const B& b) {
  if constexpr (detail::check_elementwise<shaped::op::dot, A, B>())
    return detail::combine<detail::dot_t>(a, b);
}
template <detail::shaped_expression A>
constexpr auto transpose(const A& a) { return detail::combine<detail::transpose_t>(a); }
template <class A, class B>
  requires(detail::shaped_expression<A> && detail::shaped_expression<B>)
constexpr auto outer(const A& a, const B& b) {
  if constexpr (detail::check_vector<shaped::op::matmul, A>() && detail::check_vector<shaped::op::matmul, B>())
    return detail::combine<detail::outer_t>(a, b);
}
template <detail::shaped_expression A>
constexpr auto sum(const A& a) { return detail::combine<detail::rsum_t>(a); }
template <detail::shaped_expression A>
constexpr auto mean(const A& a) { return detail::combine<detail::mean_t>(a); }
template <detail::shaped_expression A>
constexpr auto sq_norm(const A& a) { return detail::combine<detail::sq_norm_t>(a); }
template <detail::shaped_expression A>
constexpr auto norm(const A& a) { return detail::combine<detail::norm_t>(a); }
template <detail::shaped_expression A>
constexpr auto l1_norm(const A& a) { return detail::combine<detail::l1_norm_t>(a); }

template <detail::shaped_expression A>
constexpr auto logsumexp(const A& a) {
  if constexpr (detail::check_vector<shaped::op::lse, A>()) return detail::combine<detail::lse_t>(a);
}
template <detail::shaped_expression A>
constexpr auto softmax(const A& a) {
  if constexpr (detail::check_vector<shaped::op::lse, A>()) return detail::combine<detail::softmax_t>(a);
}
template <detail::shaped_expression A>
constexpr auto log_softmax(const A& a) {
  if constexpr (detail::check_vector<shaped::op::lse, A>()) return detail::combine<detail::log_softmax_t>(a);
}

// ---- slices ------------------------------------------------------------------------------
template <std::size_t Off, std::size_t K, detail::shaped_expression A>
constexpr auto segment(const A& a) {
  if constexpr (detail::check_vector<shaped::op::slice<Off, K>, A>()) {
    constexpr std::size_t n = detail::shape_v<detail::tree_t<A>>.rows;
    if constexpr (K == 0 || Off + K > n)
      static_assert(sizeof(shape_mismatch<shaped::op::slice<Off, K>, n, 1, Off + K, 1>) == 0);
    else return detail::combine<detail::slicer<Off, K>::template type>(a);
  }
}
template <std::size_t K, detail::shaped_expression A>
constexpr auto head(const A& a) { return segment<0, K>(a); }
template <std::size_t K, detail::shaped_expression A>
constexpr auto tail(const A& a) {
  constexpr std::size_t n = detail::shape_v<detail::tree_t<A>>.rows;
  return segment<(K <= n ? n - K : 0), K>(a);
}

// ---- indexing by a runtime label --------------------------------------------------------
namespace detail {
template <class A, class L> using index_t = at_t<A, L>;
}
// at(v, label): the entry of vector v at the class index bound to the scalar `label`.
template <detail::shaped_expression A, fixed_string Name>
constexpr auto at(const A& a, const var<Name>& label) {
  if constexpr (detail::check_vector<shaped::op::at, A>()) return detail::combine<detail::index_t>(a, label);
}

// ---- sums over samples -------------------------------------------------------------------
// mean_over_samples(loss): the mean of a per-sample expression over the rows of the data it
// is evaluated on (every data binding is one row per sample).  sum_over_samples: the sum.
template <expression A>
constexpr auto mean_over_samples(const A& a) { return detail::combine<detail::sample_mean_t>(a); }
template <expression A>
constexpr auto sum_over_samples(const A& a) { return detail::combine<detail::sample_sum_t>(a); }

}  // namespace descent

#endif
