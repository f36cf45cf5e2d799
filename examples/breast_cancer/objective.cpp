// The flagship's model: L2-regularised logistic regression written as an expression
// (descent::models::logistic_regression<30>: logit = dot(w, x) + b, loss = softplus(logit)
// - y logit); the compiler derives its gradient and its Hessian in matrix form (what Newton reads).
#include <descent/losses/penalty.hpp>
#include <descent/models/logistic.hpp>
#include <descent/models/predict.hpp>
#include <descent/shaped.hpp>

#include "model.hpp"

namespace breast_cancer {

using model = descent::models::logistic_regression<30>;
static_assert(model::dimension == dimension);
// The compiler checks the derivative: this line would not compile if it were different.
static_assert(descent::to_string(descent::d(model::loss, model::w)) == "(-y + sigmoid(b + dot(w, x)))*x");

example::erased_objective objective(const descent::data::matrix<double>& X, const std::vector<double>& y) {
  return example::erase<true>(descent::make_objective(
      descent::mean_over_samples(model::loss) + 1e-3 * descent::losses::l2_penalty(model::w), model::params,
      model::x = X, model::y = y));
}
std::string loss_text() { return std::string(descent::to_string(model::loss)); }
std::string gradient_text() { return std::string(descent::to_string(descent::d(model::loss, model::w))); }
std::vector<std::size_t> classify(std::span<const double> p, const descent::data::matrix<double>& X) {
  return descent::models::predict_classes(model::logit, model::params, p, model::x = X);
}

}  // namespace breast_cancer
