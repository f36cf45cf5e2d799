// examples/digits/model.hpp: the MLP of the digits example, split from the training code
// so each translation unit compiles in a few seconds (objective.cpp: the loss and its
// generated gradient; predict.cpp: the forward pass; main.cpp: data, Adam, the loop).
#ifndef DESCENT_EXAMPLES_DIGITS_MODEL_HPP
#define DESCENT_EXAMPLES_DIGITS_MODEL_HPP

#include <descent/data/matrix.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "../common/erased_objective.hpp"

namespace digits {
// mean softmax cross-entropy of the MLP 64 -> 32 (tanh) -> 10 + 1e-3 (|W1|^2 + |W2|^2)
example::erased_objective objective(const descent::data::matrix<double>& X, const std::vector<std::size_t>& labels);
std::string loss_text();         // the per-sample loss, as descent::to_string prints it
std::string gradient_text();     // d loss / d W2
std::vector<double> initial_parameters(std::uint64_t seed);
// predicted classes (the largest logit) of the rows of X
std::vector<std::size_t> classify(std::span<const double> p, const descent::data::matrix<double>& X);
}  // namespace digits

#endif
