// examples/linear_regression/model.hpp: the model half (objective.cpp): y = w x + b as an
// expression, its mean squared error, predictions.
#ifndef DESCENT_EXAMPLES_LINEAR_REGRESSION_MODEL_HPP
#define DESCENT_EXAMPLES_LINEAR_REGRESSION_MODEL_HPP

#include <descent/data/matrix.hpp>

#include <span>
#include <string>
#include <vector>

#include "../common/erased_objective.hpp"

namespace line {
constexpr std::size_t dimension = 2;  // w, then b
example::erased_objective objective(const descent::data::matrix<double>& X, const std::vector<double>& y);
std::string gradient_text();  // d loss / d w
std::vector<double> predict(std::span<const double> p, const descent::data::matrix<double>& X);
}  // namespace line

#endif
