// descent/eval, header by header: binding sets (context.hpp), data-column sets and their
// sample count (columns.hpp), the per-sample context of objectives (sample_context.hpp),
// splitting the arguments after wrt(...) (arguments.hpp), the distinct-node DAG (dag.hpp),
// evaluation of several roots in one pass (evaluate.hpp) and eval (eval.hpp).
#include <descent/eval/arguments.hpp>
#include <descent/eval/columns.hpp>
#include <descent/eval/context.hpp>
#include <descent/eval/dag.hpp>
#include <descent/eval/eval.hpp>
#include <descent/eval/evaluate.hpp>
#include <descent/eval/sample_context.hpp>

#include <descent/expr/functions/exp_log.hpp>
#include <descent/expr/operators.hpp>
#include <descent/expr/variable.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace {
namespace dd = descent::detail;
constexpr descent::var<"w"> w;
constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;
constexpr descent::var<"lambda"> lambda;
using W = descent::var<"w">;
using X = descent::var<"x">;
using Y = descent::var<"y">;
using L = descent::var<"lambda">;
}  // namespace

BOOST_AUTO_TEST_SUITE(eval_samples)

BOOST_AUTO_TEST_CASE(binding_set_counts_and_reads_bindings) {
  using set = descent::binding_set<descent::binding<"x", double>, descent::binding<"y", float>>;
  static_assert(set::count<X> == 1 && set::count<W> == 0 && set::binds<Y>);
  static_assert(std::is_same_v<set::value_type, double>);  // float only when all are float
  const set s{{2.0}, {0.5f}};
  BOOST_TEST(s.get(x) == 2.0);
  BOOST_TEST(s.get(y) == 0.5);
}

BOOST_AUTO_TEST_CASE(column_set_reads_by_name_and_row_and_counts_samples) {
  const std::vector<double> xs{1, 2, 3}, ys{4, 5, 6};
  using cols = dd::column_set<descent::column<"x", double>, descent::column<"y", double>>;
  static_assert(cols::count<Y> == 1 && cols::count<W> == 0);
  static_assert(dd::is_column_v<descent::column<"x", double>> && !dd::is_column_v<descent::binding<"x", double>>);
  const cols c{x = xs, y = ys};
  BOOST_TEST(c.at(y, 2) == 6.0);
  BOOST_TEST(dd::rows_of(c, "who") == 3u);
  BOOST_TEST(dd::rows_of(dd::column_set<>{}, "who") == 1u);  // no data: one sample
}

BOOST_AUTO_TEST_CASE(columns_of_different_lengths_are_named_in_the_error) {
  const std::vector<double> xs{1, 2, 3}, ys{4, 5};
  const dd::column_set<descent::column<"x", double>, descent::column<"y", double>> c{x = xs, y = ys};
  try {
    (void)dd::rows_of(c, "descent::make_objective");
    BOOST_FAIL("no error");
  } catch (const std::invalid_argument& e) {
    BOOST_TEST(std::string(e.what()) ==
               "descent::make_objective: data columns differ in length: 'x' has 3 values, 'y' has 2");
  }
}

BOOST_AUTO_TEST_CASE(arguments_split_into_bindings_and_columns) {
  const std::vector<double> xs{1, 2}, ys{3, 4};
  using split = dd::split_arguments<descent::column<"x", double>, descent::binding<"lambda", double>,
                                    descent::column<"y", double>>;
  static_assert(split::valid);
  static_assert(std::is_same_v<split::scalars, descent::binding_set<descent::binding<"lambda", double>>>);
  static_assert(std::is_same_v<split::columns,
                               dd::column_set<descent::column<"x", double>, descent::column<"y", double>>>);
  static_assert(!dd::split_arguments<descent::binding<"x", double>, double>::valid);
  const auto xc = x = xs;
  const auto yc = y = ys;
  const auto lb = lambda = 0.25;
  const auto s = dd::gather<split::scalars>(xc, lb, yc);
  const auto c = dd::gather<split::columns>(xc, lb, yc);
  BOOST_TEST(s.get(lambda) == 0.25);
  BOOST_TEST(c.at(y, 1) == 4.0);
}

BOOST_AUTO_TEST_CASE(sample_context_reads_parameters_scalars_and_columns) {
  const std::vector<double> xs{1, 2}, ys{3, 4};
  using split = dd::split_arguments<descent::column<"x", double>, descent::binding<"lambda", double>,
                                    descent::column<"y", double>>;
  const auto xc = x = xs;
  const auto yc = y = ys;
  const auto lb = lambda = 0.25;
  const auto s = dd::gather<split::scalars>(xc, lb, yc);
  const auto c = dd::gather<split::columns>(xc, lb, yc);
  const std::array<double, 1> params{7.0};
  using ctx_t = dd::sample_context<double, descent::wrt_t<W>, split::scalars, split::columns>;
  const ctx_t ctx{params.data(), s, c, 1};
  static_assert(ctx_t::count<W> == 1 && ctx_t::count<L> == 1 && ctx_t::count<X> == 1);
  static_assert(ctx_t::count<descent::var<"z">> == 0);
  BOOST_TEST(ctx.get(w) == 7.0);
  BOOST_TEST(ctx.get(lambda) == 0.25);
  BOOST_TEST(ctx.get(x) == 2.0);
  // One pass over the shared subexpressions of a loss and its derivative, at sample 1.
  const auto loss = lambda * (w * x - y) * (w * x - y);
  using tree = dd::tree_t<decltype(loss)>;
  const auto v = dd::evaluate_roots<double, tree, dd::derivative_t<tree, W>>(ctx, dd::literal_data(loss));
  BOOST_TEST(v[0] == 0.25 * (14.0 - 4.0) * (14.0 - 4.0));
  BOOST_TEST(v[1] == 0.25 * 2 * (14.0 - 4.0) * 2.0);
}

BOOST_AUTO_TEST_CASE(the_dag_lists_each_distinct_node_once_children_first) {
  constexpr auto f = descent::exp(x * y) + descent::exp(x * y) * x;
  using dag = dd::dag_t<dd::tree_t<decltype(f)>>;
  // exp(x*y) twice in the tree, once in the DAG: exp, x*y, exp(x*y)*x, the sum.
  static_assert(dag::size == 4);
  static_assert(descent::dag_size(f) < descent::tree_size(f));
  using xy = dd::tree_t<decltype(x * y)>;
  static_assert(dd::index_of_v<xy, dag> < dd::index_of_v<dd::tree_t<decltype(descent::exp(x * y))>, dag>);
  static_assert(std::is_same_v<dd::variables_t<dd::tree_t<decltype(f)>>, dd::type_list<X, Y>>);
  BOOST_TEST(descent::eval(f, x = 0.5, y = 2.0) == std::exp(1.0) * 1.5, boost::test_tools::tolerance(1e-15));
}

BOOST_AUTO_TEST_SUITE_END()
