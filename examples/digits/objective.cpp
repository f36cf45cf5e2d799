// The digits MLP's objective: the expression, its gradient generated at compile time.
#include <descent/losses/penalty.hpp>
#include <descent/shaped.hpp>

#include "model.hpp"
#include "net.hpp"

namespace digits {

example::erased_objective objective(const descent::data::matrix<double>& X, const std::vector<std::size_t>& labels) {
  // The mean cross-entropy plus a small L2 penalty on the weights (not the biases).
  constexpr auto penalty = descent::losses::l2_penalty(net::W1) + descent::losses::l2_penalty(net::W2);
  return example::erase(descent::make_objective(descent::mean_over_samples(net::loss) + 1e-3 * penalty, net::params,
                                                net::x = X, net::label = labels));
}
std::string loss_text() { return std::string(descent::to_string(net::loss)); }
std::string gradient_text() { return std::string(descent::to_string(descent::d(net::loss, net::W2))); }
std::vector<double> initial_parameters(std::uint64_t seed) { return net::initial_parameters(seed); }

}  // namespace digits
