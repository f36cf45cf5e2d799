// descent/expr, header by header: the `_c` constants, variables and their bindings,
// runtime numbers kept inside expressions, the operators, each function family, and the
// containers grad/hessian return.  Compiling this file is the test.
#include <descent/expr/constant.hpp>
#include <descent/expr/containers.hpp>
#include <descent/expr/functions/exp_log.hpp>
#include <descent/expr/functions/function.hpp>
#include <descent/expr/functions/logsumexp.hpp>
#include <descent/expr/functions/nonsmooth.hpp>
#include <descent/expr/functions/power.hpp>
#include <descent/expr/functions/sigmoid.hpp>
#include <descent/expr/functions/trig.hpp>
#include <descent/expr/literal.hpp>
#include <descent/expr/operators.hpp>
#include <descent/expr/variable.hpp>

#include <tuple>
#include <type_traits>
#include <vector>

namespace {
using namespace descent::literals;
namespace node = descent::node;
namespace fn = descent::fn;
using std::is_same_v;

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;
using X = descent::var<"x">;
using Y = descent::var<"y">;

template <class A, class B>
constexpr bool same(const A&, const B&) { return is_same_v<A, B>; }

// constant.hpp: exact constants, in lowest terms.
static_assert(is_same_v<decltype(0.5_c), node::constant<1, 2>>);
static_assert(is_same_v<descent::constant<2, 4>, node::constant<1, 2>>);
static_assert(is_same_v<decltype(1_c / 3_c + 1_c / 6_c), node::constant<1, 2>>);

// variable.hpp: bindings; integers bind as double, float stays float; columns view data.
static_assert(is_same_v<decltype(x = 1.0), descent::binding<"x", double>>);
static_assert(is_same_v<decltype(x = 2), descent::binding<"x", double>>);
static_assert(is_same_v<decltype(x = 1.0f), descent::binding<"x", float>>);
const std::vector<double> xs{1, 2, 3};
static_assert(is_same_v<decltype(x = xs), descent::column<"x", double>>);
static_assert(X::name == "x");

// literal.hpp and operators.hpp: a runtime number is kept inside the expression; exact
// constants leave the expression an empty type.
static_assert(std::is_empty_v<decltype(x * y + 2_c)>);
static_assert(!std::is_empty_v<decltype(x * 2.5)>);
static_assert(descent::detail::literal_count_v<decltype(x * 2.5 + y * 3.0)> == 2);
static_assert(descent::expression<decltype(1.0 - x)>);
static_assert(same(x + y, y + x) && same(x * y, y * x) && same(-(-x), x) && same(+x, x));
static_assert(same(x - x, 0_c) && same(x / x, 1_c) && same(x * x, descent::sq(x)));

// Each function family builds its node; rewrite rules apply.
static_assert(is_same_v<decltype(descent::exp(x)), node::apply<fn::exp, X>>);
static_assert(same(descent::log(descent::exp(x)), x));
static_assert(is_same_v<decltype(descent::sin(x)), node::apply<fn::sin, X>>);
static_assert(is_same_v<decltype(descent::tanh(x)), node::apply<fn::tanh, X>>);
static_assert(is_same_v<decltype(descent::sigmoid(x)), node::apply<fn::sigmoid, X>>);
static_assert(same(descent::max(x, y), descent::max(y, x)));
static_assert(same(descent::logsumexp(x, y), descent::logsumexp(y, x)));
static_assert(is_same_v<decltype(descent::sqrt(x)), node::power<X, node::constant<1, 2>>>);
static_assert(is_same_v<decltype(descent::pow(x, 3_c)), node::power<X, node::constant<3>>>);
static_assert(same(descent::abs(-2_c), 2_c));

// containers.hpp: tuple-like vectors and matrices of expressions.
using vec = descent::expression_vector<0, X, Y>;
static_assert(std::tuple_size_v<vec> == 2 && vec::size() == 2);
static_assert(is_same_v<decltype(get<1>(vec{})), Y>);
using mat = descent::expression_matrix<0, 1, 2, X, Y>;
static_assert(mat::rows() == 1 && mat::cols() == 2);
static_assert(is_same_v<decltype(get<0, 1>(mat{})), Y>);
}  // namespace
