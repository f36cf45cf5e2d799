// W8_digits: end to end, one epoch of the digits MLP (digits.hpp) with Adam: the hand-written
//   Eigen epoch (forward, backward and a fused Adam loop), torch in torch_rows.py, and the
//   descent row in w8_digits_epoch_descent (w8_digits_descent.cpp).  Result: the parameters
//   after the first epoch, then the epoch's mean training loss.  (W8_lbfgs is in w8_lbfgs.cpp.)
#include <Eigen/Core>

#include <cmath>
#include <memory>

#include "descent_rows.hpp"
#include "digits.hpp"

namespace {

// ---- the digits MLP epoch, hand-written with Eigen ------------------------------------------
using bench::batch_gradient;

struct adam_state {
  std::vector<double> m, v;
  std::uint64_t t = 0;
  void step(std::vector<double>& p, const std::vector<double>& g) {
    const double lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8, tt = double(++t);
    const double step_size = lr / (1 - std::pow(b1, tt)), inv_sqrt_bc2 = 1 / std::sqrt(1 - std::pow(b2, tt));
    for (std::size_t i = 0; i < p.size(); ++i) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      p[i] -= step_size * m[i] / (std::sqrt(v[i]) * inv_sqrt_bc2 + eps);
    }
  }
};

bench::kernel digits_eigen() {
  struct state {
    std::vector<double> p = bench::digits_initial_parameters(), g = std::vector<double>(bench::digits_params);
    adam_state opt{std::vector<double>(bench::digits_params), std::vector<double>(bench::digits_params)};
    double epoch_loss = 0;
  };
  auto s = std::make_shared<state>();
  return {[s] {
            const std::size_t n = bench::digits().n;
            double total = 0;
            for (std::size_t first = 0; first < n; first += bench::digits_batch) {
              const std::size_t count = std::min(bench::digits_batch, n - first);
              total += batch_gradient(s->p, first, count, s->g) * static_cast<double>(count);
              s->opt.step(s->p, s->g);
            }
            s->epoch_loss = total / static_cast<double>(n);
          },
          [s] {
            auto r = s->p;
            r.push_back(s->epoch_loss);
            return r;
          }};
}

const bench::registrar digits_row{"W8_digits", "handwritten_simd", digits_eigen};
const bench::descent_row digits_descent{"W8_digits", bench::w8_digits_epoch_descent};  // w8_digits_descent.cpp
const bool digits_export = (bench::add_export("W8_digits", [](const std::string& d) {
                              bench::write_doubles(d + "/W8_digits.theta.bin", bench::digits_initial_parameters());
                            }), true);

}  // namespace
