// A chain deeper than the compilers' instantiation-depth limits: before tall operator results
// built their DAGs when made (node/dag.hpp), a Horner chain of 250 steps (a tree of depth
// 500) stopped on g++'s depth limit of 900 and clang's of 1024.  Its value only: with the
// gradient this TU took 25 s (the compile-bench's chain of 500 steps with its gradient is in
// docs/performance.md, "Compile time").
#include <cstddef>
#include <utility>

#include <boost/test/unit_test.hpp>

#include <descent/eval/eval.hpp>
#include <descent/expr.hpp>

#include "horner.hpp"

namespace {

using descent::eval;
using horner_test::horner_chain;
using horner_test::horner_reference;
using horner_test::x;

BOOST_AUTO_TEST_CASE(chain_past_the_old_depth_limit) {
  constexpr std::size_t n = 250;  // a fold of 251 operands: clang caps folds at 256
  const auto e = horner_chain(std::make_index_sequence<n>{});
  BOOST_TEST(descent::dag_size(e) == 2 * n + 1);
  for (double t : {-0.9, 0.5, 0.8})
    BOOST_TEST(eval(e, x = t) == horner_reference(n, t), boost::test_tools::tolerance(1e-12));
}

}  // namespace
