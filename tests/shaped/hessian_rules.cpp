// Hessians in matrix form (descent/shaped/jacobian.hpp): hessian(f, wrt(w)) as one matrix
// expression, pinned at compile time, and checked against central differences of the
// gradient for every Jacobian rule (values and obj.hessian).
#include <descent/shaped.hpp>
#include <descent/shaped/jacobian.hpp>
#include <descent/shaped/print.hpp>

#include <vector>

#include "hessian_support.hpp"

using namespace descent::literals;

namespace {
constexpr descent::vec<"w", 4> w;
constexpr descent::var<"b"> b;
constexpr descent::vec<"x", 4> x;
constexpr descent::var<"y"> y;
constexpr descent::mat<"A", 3, 4> A;
constexpr descent::vec<"t", 3> t;
constexpr descent::vec<"c", 4> c;

constexpr auto logistic = softplus(-(2_c * y - 1_c) * (dot(w, x) + b));

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
constexpr descent::vec<"z", 6> z;
static_assert(descent::to_string(descent::hessian(sq_norm(segment<1, 2>(z)), descent::wrt(z))) == "2*embed_rows<1, 6>(rows<1:3>(I))");
static_assert(descent::to_latex(descent::hessian(sq_norm(segment<1, 2>(z)), descent::wrt(z))) ==
              "2 \\operatorname{embed\\_rows}_{1}^{6}\\left(\\operatorname{rows}_{1:3}\\left(I\\right)\\right)");
// The type does not grow with the size: w 4 wide or 4000 wide, one form.
constexpr descent::vec<"w", 4000> wide;
constexpr descent::vec<"x", 4000> xwide;
static_assert(descent::to_string(descent::hessian(softplus(dot(wide, xwide)), descent::wrt(wide))) ==
              descent::to_string(descent::hessian(softplus(dot(w, x)), descent::wrt(w))));

const std::vector<double> cv = fd::random_vector(4, 91, 0.5, 2.0);
}  // namespace

BOOST_AUTO_TEST_CASE(elementwise_rules) {
  fd::check_hessian(sum(sin(w)) * dot(w, w), w, 1, -1.0, 1.0);                   // s * v, f(u), dot
  fd::check_hessian(sum(tanh(w) * exp(w)), w, 2, -1.0, 1.0);                     // u .* v
  fd::check_hessian(sum(w / (c + sq(w))), w, 3, -1.0, 1.0, c = cv);              // u ./ v
  fd::check_hessian(dot(w, w) * sum(1_c / (c + sq(w))), w, 4, -1.0, 1.0, c = cv);  // a scalar over a vector
  fd::check_hessian(sum(sqrt(1_c + sq(w))) + sum(pow(w, 3_c)), w, 5, -1.0, 1.0);   // u.^p
  fd::check_hessian(sum(exp(w)) * sum(w), w, 6, -1.0, 1.0);                      // fill(s)
  fd::check_hessian(sum(sin(w + dot(w, c))), w, 7, -1.0, 1.0, c = cv);           // a scalar broadcast in a sum
}

