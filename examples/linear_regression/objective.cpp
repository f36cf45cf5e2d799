// The linear_regression example's model: descent::models::linear_regression<1>,
// prediction = dot(w, x) + b, loss = (prediction - y)^2 averaged over the samples.
#include <descent/models/linear.hpp>
#include <descent/models/predict.hpp>
#include <descent/shaped.hpp>

#include "model.hpp"

namespace line {

using model = descent::models::linear_regression<1>;
static_assert(descent::to_string(descent::d(model::loss, model::w)) == "2*(b - y + dot(w, x))*x");

example::erased_objective objective(const descent::data::matrix<double>& X, const std::vector<double>& y) {
  return example::erase(descent::make_objective(descent::mean_over_samples(model::loss), model::params, model::x = X, model::y = y));
}
std::string gradient_text() { return std::string(descent::to_string(descent::d(model::loss, model::w))); }
std::vector<double> predict(std::span<const double> p, const descent::data::matrix<double>& X) {
  const Eigen::VectorXd yhat = descent::models::predict(model::prediction, model::params, p, model::x = X);
  return {yhat.data(), yhat.data() + yhat.size()};
}

}  // namespace line
