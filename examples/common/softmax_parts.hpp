// examples/common/softmax_parts.hpp: the model half of the softmax-regression examples
// (iris, wine): the objective, its printed gradient and the predicted classes.  Declared
// here, defined in softmax_parts_impl.hpp and instantiated in each example's objective.cpp,
// so that the training code (softmax_example.hpp) compiles in its own translation unit.
#ifndef DESCENT_EXAMPLES_COMMON_SOFTMAX_PARTS_HPP
#define DESCENT_EXAMPLES_COMMON_SOFTMAX_PARTS_HPP

#include <descent/data/matrix.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "erased_objective.hpp"

namespace example {

template <std::size_t Features, std::size_t Classes>
struct softmax_parts {
  static constexpr std::size_t dimension = Classes * Features + Classes;
  // mean softmax cross-entropy of W x + b, plus lambda |W|^2
  static erased_objective objective(const descent::data::matrix<double>& X, const std::vector<std::size_t>& labels,
                                    double lambda);
  static std::string logits_text();
  static std::string gradient_text();  // d loss / d W
  static std::vector<std::size_t> classify(std::span<const double> p, const descent::data::matrix<double>& X);
};

}  // namespace example

#endif
