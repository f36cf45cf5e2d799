// The digits MLP's forward pass on new rows.
#include <descent/models/predict.hpp>

#include "model.hpp"
#include "net.hpp"

namespace digits {

std::vector<std::size_t> classify(std::span<const double> p, const descent::data::matrix<double>& X) {
  return descent::models::predict_classes(net::logits, net::params, p, net::x = X);
}

}  // namespace digits
