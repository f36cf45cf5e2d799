// descent/simplify: the canonicalising builders on node types directly (the operators of
// expr/ call them): flattening, exact constant folding, like terms and like bases, powers
// of powers and products, symmetric functions in canonical order.  Compiling this file is
// the test.
#include <descent/simplify/apply.hpp>
#include <descent/simplify/fwd.hpp>
#include <descent/simplify/power.hpp>
#include <descent/simplify/product.hpp>
#include <descent/simplify/sum.hpp>

#include <descent/expr/variable.hpp>  // var's definition (node/ only declares it)

#include <type_traits>

namespace {
using namespace descent::detail;
using std::is_same_v;

using x = descent::var<"x">;
using y = descent::var<"y">;
template <std::intmax_t N, std::intmax_t D = 1>
using c = constant<N, D>;

struct max_tag {
  [[maybe_unused]] static constexpr const char* name = "max";
  static constexpr bool symmetric = true;
};
struct exp_tag { [[maybe_unused]] static constexpr const char* name = "exp"; };

// Sums: constants fold exactly, like terms collect, order is canonical, nesting flattens.
static_assert(is_same_v<sum_t<c<1, 2>, c<1, 3>>, c<5, 6>>);
static_assert(is_same_v<sum_t<x, x>, product<c<2>, x>>);
static_assert(is_same_v<sum_t<y, x>, sum_t<x, y>>);
static_assert(is_same_v<sum_t<x, y>, sum<c<0>, x, y>>);
static_assert(is_same_v<sum_t<sum_t<x, c<1>>, y>, sum<c<1>, x, y>>);
static_assert(is_same_v<difference_t<x, x>, c<0>>);
// A numeric factor distributes over a sum that is a term: 2 (x + y) + x = 3x + 2y.
static_assert(is_same_v<sum_t<product_t<c<2>, sum_t<x, y>>, x>, sum<c<0>, product<c<3>, x>, product<c<2>, y>>>);

// Products: like bases add exponents, constants fold, zero annihilates, one vanishes.
static_assert(is_same_v<product_t<x, x>, power<x, c<2>>>);
static_assert(is_same_v<quotient_t<x, x>, c<1>>);
static_assert(is_same_v<product_t<c<2>, c<3, 4>>, c<3, 2>>);
static_assert(is_same_v<product_t<c<0>, x>, c<0>>);
static_assert(is_same_v<product_t<c<1>, x>, x>);
static_assert(is_same_v<product_t<y, x>, product_t<x, y>>);
static_assert(is_same_v<product_t<x, y>, product<c<1>, x, y>>);
static_assert(is_same_v<negate_t<negate_t<x>>, x>);

// Powers: x^0, x^1, exact rational powers and roots, (x^a)^n, (c x y)^n.
static_assert(is_same_v<power_t<x, c<0>>, c<1>>);
static_assert(is_same_v<power_t<x, c<1>>, x>);
static_assert(is_same_v<power_t<c<4>, c<1, 2>>, c<2>>);
static_assert(is_same_v<power_t<c<2>, c<1, 2>>, power<c<2>, c<1, 2>>>);  // sqrt(2) stays
static_assert(is_same_v<power_t<power_t<x, c<3>>, c<2>>, power<x, c<6>>>);
static_assert(is_same_v<power_t<product_t<c<2>, x>, c<2>>, product<c<4>, power<x, c<2>>>>);
static_assert(is_same_v<power_t<power_t<x, c<2>>, c<1, 2>>, power<power<x, c<2>>, c<1, 2>>>);  // |x|, not x
static_assert(is_same_v<reciprocal_t<x>, power<x, c<-1>>>);

// Functions: symmetric ones take their arguments in canonical order.
static_assert(is_same_v<apply_t<max_tag, y, x>, apply_t<max_tag, x, y>>);
static_assert(is_same_v<apply_t<max_tag, y, x>, apply<max_tag, x, y>>);
static_assert(is_same_v<apply_t<exp_tag, x>, apply<exp_tag, x>>);

// The grouping plan: identical types merge, a zero total is dropped on request.
constexpr auto plan = plan_groups<3>({key_v<x>, key_v<y>, key_v<x>}, {id_of<x>, id_of<y>, id_of<x>},
                                     {rational{1}, rational{2}, rational{-1}}, true);
static_assert(plan.count == 1 && plan.leader[0] == 1 && plan.total[0] == rational{2});
static_assert(plan_is_identity(plan_groups<2>({key_v<x>, key_v<y>}, {id_of<x>, id_of<y>},
                                              {rational{1}, rational{1}}, true),
                               {rational{1}, rational{1}}));
}  // namespace
