// Hessians in matrix form (descent/shaped/jacobian.hpp): hessian(f, wrt(w)) as one matrix
// expression, pinned at compile time, and checked against central differences of the
// gradient for the Jacobian rules of s * v, f(u), dot and u .* v.  (Quotients:
// hessian_rules_quotients.cpp; fill and broadcast scalars: hessian_rules_broadcasts.cpp; powers:
// hessian_powers_and_norms.cpp; split so that no test TU takes more than about 6.5 s of g++.)
#include <descent/shaped.hpp>
#include <descent/shaped/jacobian.hpp>
#include <descent/shaped/print.hpp>

#include <vector>

#include "hessian_support.hpp"

using namespace descent::literals;
using namespace hessian_symbols;

namespace {
// ---- the forms, pinned --------------------------------------------------------------------
// least squares: 2 A^T A
static_assert(descent::to_string(descent::hessian(sq_norm(A * w - t), descent::wrt(w))) == "2*A^T*A");
// the logistic loss: mean of sigmoid'(z) (2y - 1)^2 x x^T, plus the penalty's 2 lambda I
static_assert(descent::to_string(descent::hessian(descent::mean_over_samples(logistic) + 0.5_c * sq_norm(w), descent::wrt(w))) ==
              "I + mean_over_samples(sigmoid(-(b + dot(w, x))*(-1 + 2*y))*(-1 + 2*y)^2*"
              "(1 - sigmoid(-(b + dot(w, x))*(-1 + 2*y)))*x*x^T)");
// logsumexp: diag(p) (I - 1 p^T), p = softmax(w)
static_assert(descent::to_string(descent::hessian(logsumexp(w), descent::wrt(w))) ==
              "diag(exp(w - logsumexp(w)))*(I - fill(1)*exp(w - logsumexp(w))^T)");
static_assert(descent::to_string(descent::hessian(sum(sin(w)), descent::wrt(w))) == "-diag(sin(w))");
static_assert(descent::to_latex(descent::hessian(sq_norm(A * w - t), descent::wrt(w))) == "2 A^\\top A");
// slices: the rows of I, embedded
static_assert(descent::to_string(descent::hessian(sq_norm(segment<1, 2>(z)), descent::wrt(z))) == "2*embed_rows<1, 6>(rows<1:3>(I))");
static_assert(descent::to_latex(descent::hessian(sq_norm(segment<1, 2>(z)), descent::wrt(z))) ==
              "2 \\operatorname{embed\\_rows}_{1}^{6}\\left(\\operatorname{rows}_{1:3}\\left(I\\right)\\right)");
// The type does not grow with the size: w 4 wide or 4000 wide, one form.
constexpr descent::vec<"w", 4000> wide;
constexpr descent::vec<"x", 4000> xwide;
static_assert(descent::to_string(descent::hessian(softplus(dot(wide, xwide)), descent::wrt(wide))) ==
              descent::to_string(descent::hessian(softplus(dot(w, x)), descent::wrt(w))));
}  // namespace

BOOST_AUTO_TEST_CASE(elementwise_rules) {
  fd::check_hessian(sum(sin(w)) * dot(w, w), w, 1, -1.0, 1.0);                   // s * v, f(u), dot
  fd::check_hessian(sum(tanh(w) * exp(w)), w, 2, -1.0, 1.0);                     // u .* v
}
