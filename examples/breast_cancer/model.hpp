// examples/breast_cancer/model.hpp: the model half of the flagship (objective.cpp), so that
// the expression and its generated derivatives compile apart from the training code.
#ifndef DESCENT_EXAMPLES_BREAST_CANCER_MODEL_HPP
#define DESCENT_EXAMPLES_BREAST_CANCER_MODEL_HPP

#include <descent/data/matrix.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "../common/erased_objective.hpp"

namespace breast_cancer {
constexpr std::size_t dimension = 31;  // w (30 weights), then b
// mean_over_samples(binary_cross_entropy(dot(w, x) + b, y)) + 1e-3 |w|^2, with its Hessian
example::erased_objective objective(const descent::data::matrix<double>& X, const std::vector<double>& y);
std::string loss_text();      // the per-sample loss, as descent::to_string prints it
std::string gradient_text();  // d loss / d w
std::vector<std::size_t> classify(std::span<const double> p, const descent::data::matrix<double>& X);
}  // namespace breast_cancer

#endif
