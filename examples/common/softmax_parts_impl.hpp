// examples/common/softmax_parts_impl.hpp: definitions of softmax_parts (softmax_parts.hpp).
#ifndef DESCENT_EXAMPLES_COMMON_SOFTMAX_PARTS_IMPL_HPP
#define DESCENT_EXAMPLES_COMMON_SOFTMAX_PARTS_IMPL_HPP

#include <descent/losses/penalty.hpp>
#include <descent/models/predict.hpp>
#include <descent/models/softmax.hpp>
#include <descent/shaped.hpp>

#include "softmax_parts.hpp"

namespace example {

template <std::size_t F, std::size_t K>
erased_objective softmax_parts<F, K>::objective(const descent::data::matrix<double>& X,
                                                const std::vector<std::size_t>& labels, double lambda) {
  using model = descent::models::softmax_regression<F, K>;
  return erase(descent::make_objective(descent::mean_over_samples(model::loss) + lambda * descent::losses::l2_penalty(model::W),
                                       model::params, model::x = X, model::label = labels));
}
template <std::size_t F, std::size_t K>
std::string softmax_parts<F, K>::logits_text() {
  return std::string(descent::to_string(descent::models::softmax_regression<F, K>::logits));
}
template <std::size_t F, std::size_t K>
std::string softmax_parts<F, K>::gradient_text() {
  using model = descent::models::softmax_regression<F, K>;
  return std::string(descent::to_string(descent::d(model::loss, model::W)));
}
template <std::size_t F, std::size_t K>
std::vector<std::size_t> softmax_parts<F, K>::classify(std::span<const double> p, const descent::data::matrix<double>& X) {
  using model = descent::models::softmax_regression<F, K>;
  return descent::models::predict_classes(model::logits, model::params, p, model::x = X);
}

}  // namespace example

#endif
