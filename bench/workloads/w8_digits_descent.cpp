// W8_digits' descent row (bench::w8_digits_epoch_descent, contract in descent_rows.hpp): the
// digits MLP epoch with the network as an expression and descent::optim::adam.  In its own TU
// beside w8_digits.cpp's hand-written row, so that neither takes more than 10 s to compile.
#include <memory>

#include <descent/optim.hpp>

#include "descent_rows.hpp"
#include "digits_objective.hpp"

namespace bench {
// The same epoch with descent: the network as an expression, its gradient generated, one
// objective viewed on each batch of 32 rows in file order, descent::optim::adam.
kernel w8_digits_epoch_descent() {
  using objective_t = decltype(digits_objective());
  const auto& d = digits();
  struct state {
    std::vector<double> p = digits_initial_parameters(), g = std::vector<double>(digits_params);
    decltype(descent::optim::adam({.learning_rate = 1e-3})) opt = descent::optim::adam({.learning_rate = 1e-3});
    std::vector<objective_t> batches;
    std::vector<std::size_t> counts;
    double epoch_loss = 0;
  };
  auto s = std::make_shared<state>();
  const auto obj = digits_objective();
  std::vector<std::size_t> idx;
  for (std::size_t first = 0; first < d.n; first += digits_batch) {
    const std::size_t count = std::min(digits_batch, d.n - first);
    idx.resize(count);
    for (std::size_t i = 0; i < count; ++i) idx[i] = first + i;
    s->batches.push_back(obj.on(idx));
    s->counts.push_back(count);
  }
  s->opt.initialize(s->p);
  return {[s] {
            double total = 0;
            for (std::size_t k = 0; k < s->batches.size(); ++k) {
              total += s->batches[k](s->p, s->g) * static_cast<double>(s->counts[k]);
              s->opt.step(std::span<double>(s->p), std::span<const double>(s->g));
            }
            s->epoch_loss = total / static_cast<double>(digits().n);
          },
          [s] {
            auto r = s->p;
            r.push_back(s->epoch_loss);
            return r;
          }};
}
}  // namespace bench
