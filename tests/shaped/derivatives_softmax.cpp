// logsumexp, softmax, log_softmax and label indexing: gradients and Hessian-vector products
// against central differences (tests/shaped/linear_algebra_support.hpp).
#include "linear_algebra_support.hpp"

using namespace linear_algebra;

BOOST_AUTO_TEST_CASE(softmax_family_and_labels) {
  for (double l : {0.0, 1.0, 2.0}) {
    check(descent::make_objective(logsumexp(A * x) - (A * x)[label], descent::wrt(A, x), label = l), 20);
    check(descent::make_objective(dot(y, softmax(y)) + (log_softmax(A * x))[label], descent::wrt(A, x, y), label = l), 21);
  }
}
