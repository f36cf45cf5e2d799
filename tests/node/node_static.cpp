// descent/node: the node types and what is read off them (classification, children,
// dependence, base ^ exponent, positive denominators, printed size, hash and canonical
// order), on hand-written node types: nothing here builds or simplifies.  Compiling this
// file is the test.
#include <descent/node/dag.hpp>
#include <descent/node/node.hpp>
#include <descent/node/order.hpp>
#include <descent/node/traits.hpp>

#include <array>
#include <type_traits>

namespace {
using namespace descent::detail;
using std::is_same_v;

struct exp_tag { static constexpr const char* name = "exp"; };
using x = descent::var<"x">;
using y = descent::var<"y">;
using c2 = constant<2>;
using x_sq = power<x, c2>;
using y_inv = power<y, constant<-1>>;
using y_inv_half = power<y, constant<-1, 2>>;
using prod = product<constant<3>, x, y_inv>;   // 3 x / y
using s = sum<constant<1>, x, prod>;          // 1 + x + 3 x / y
using e = apply<exp_tag, s>;

// Every node is an expression; a number is not (var is only declared at this floor).
static_assert(descent::expression<e> && descent::expression<literal<0>> && !descent::expression<double>);
static_assert(is_same_v<typename constant_of<2, 4>::type, constant<1, 2>>);
static_assert(constant<3, 4>::value == rational{3, 4});

// Classification.
static_assert(is_constant_v<c2> && !is_constant_v<x> && is_var_v<x> && is_literal_v<literal<0>>);
static_assert(is_product_v<prod> && is_power_v<x_sq> && !is_power_v<prod>);
static_assert(value_of<constant<-2, 3>> == rational{-2, 3});

// Children: a power's constant exponent is not a child.
static_assert(is_same_v<children_t<s>, type_list<x, prod>>);
static_assert(is_same_v<children_t<x_sq>, type_list<x>>);
static_assert(is_same_v<children_t<power<x, y>>, type_list<x, y>>);
static_assert(is_same_v<children_t<e>, type_list<s>>);
static_assert(is_same_v<children_t<x>, type_list<>>);

// Dependence on a variable, through any depth.
static_assert(depends_v<e, y> && depends_v<e, x> && !depends_v<x_sq, y>);

// A factor as base ^ exponent.
static_assert(is_same_v<factor_parts<x_sq>::base, x> && is_same_v<factor_parts<x_sq>::exponent, c2>);
static_assert(is_same_v<factor_parts<x>::base, x> && is_same_v<factor_parts<x>::exponent, one>);

// Denominators and their positive form: y^-1 -> y, y^(-1/2) -> y^(1/2); x^2 is no denominator.
static_assert(is_denominator_v<y_inv> && is_denominator_v<y_inv_half> && !is_denominator_v<x_sq>);
static_assert(is_same_v<positive_factor_t<y_inv>, y>);
static_assert(is_same_v<positive_factor_t<y_inv_half>, power<y, constant<1, 2>>>);
static_assert(is_same_v<positive_factor_t<x_sq>, x_sq>);

// Printed size: 3*x*y^-1 is product(3, x, power(y, -1)): 1 + 1 + 1 + 3 nodes.
static_assert(tree_size<x>::value == 1);
static_assert(tree_size<x_sq>::value == 3);
static_assert(tree_size<prod>::value == 6);
static_assert(tree_size<s>::value == 1 + 1 + 1 + 6);  // the constant 1 counts, a zero would not
static_assert(tree_size<sum<constant<0>, x, y>>::value == 3);

// Hash: structural, distinct for distinct trees.
static_assert(hash_v<s> == hash_v<sum<constant<1>, x, prod>>);
static_assert(hash_v<x> != hash_v<y> && hash_v<x_sq> != hash_v<power<x, constant<3>>>);

// Canonical order: literals, then variables by name, then the rest; a power next to its base.
static_assert(key_v<literal<0>> < key_v<x> && key_v<x> < key_v<y> && key_v<y> < key_v<e>);
static_assert(key_v<literal<0>> < key_v<x_sq> && key_v<x_sq> < key_v<y>);  // x^2 among the x

// The one insertion sort: stable (equal keys keep their order).
constexpr std::array<std::size_t, 4> order = sorted_order<4>({key_v<y>, key_v<x>, key_v<y>, key_v<literal<0>>});
static_assert(order[0] == 3 && order[1] == 1 && order[2] == 0 && order[3] == 2);
static_assert(sorted_order<0>({}).size() == 0);
// The DAG (node/dag.hpp): composite nodes children-first, each once; height counts composite
// levels; a product reads its denominators in positive form (y for y^-1).
static_assert(is_same_v<dag_t<x>, type_list<>>);
static_assert(is_same_v<dag_t<prod>, type_list<prod>>);
static_assert(is_same_v<dag_t<e>, type_list<prod, s, e>>);
static_assert(height<x>::value == 0 && height<prod>::value == 1 && height<e>::value == 3);
static_assert(is_same_v<multi_dag_t<e, prod, x>, type_list<prod, s, e>>);
static_assert(is_same_v<dag_t<sum<constant<0>, x_sq, product<constant<1>, x, x_sq>>>,
                        type_list<x_sq, product<constant<1>, x, x_sq>, sum<constant<0>, x_sq, product<constant<1>, x, x_sq>>>>);

}  // namespace
