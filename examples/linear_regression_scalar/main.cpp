// Fitting y = w x + b to points by full-batch gradient descent: the loss is an expression
// over one point, summed over the data by descent::make_objective; its gradient with
// respect to (w, b) is generated at compile time.
//
// Data: Anscombe's quartet, set I (F. J. Anscombe, "Graphs in Statistical Analysis",
// The American Statistician 27(1), 1973).  Its least-squares line is y = 3.00 + 0.500 x.
#include <descent/descent.hpp>
#include <descent/optim/named.hpp>
#include <descent/objectives.hpp>
#include <descent/train/minimize.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

constexpr descent::var<"w"> w;  // parameters
constexpr descent::var<"b"> b;
constexpr descent::var<"x"> x;  // data, bound to a column per point
constexpr descent::var<"y"> y;

int main() {
  const std::vector<double> xs{10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
  const std::vector<double> ys{8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68};
  const double n = static_cast<double>(xs.size());

  // Mean squared error: the loss of one point, scaled by 1/n (a runtime constant kept in
  // the expression), summed over the points.
  const auto loss = sq(w * x + b - y) * (1.0 / n);
  std::printf("loss per point     = %s\n", descent::to_string(loss).c_str());
  std::printf("d loss / dw        = %s\n", descent::to_string(descent::d(loss, w)).c_str());
  std::printf("d loss / db        = %s\n", descent::to_string(descent::d(loss, b)).c_str());

  const auto mse = descent::make_objective(loss, descent::wrt(w, b), x = xs, y = ys);

  std::array<double, 2> p{0.0, 0.0};  // (w, b)
  auto gd = descent::optim::sgd({.learning_rate = 0.01});
  const auto r = descent::minimize(mse, p, gd, descent::max_iterations{100000} || descent::gradient_norm_below{1e-10});
  std::printf("gradient descent   : %zu iterations, mse = %.6f, y = %.6f x + %.6f\n", r.iterations,
              static_cast<double>(r.loss), p[0], p[1]);

  // The closed form, to compare: w = cov(x, y) / var(x), b = mean(y) - w mean(x).
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) { mx += xs[i] / n; my += ys[i] / n; }
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) { sxy += (xs[i] - mx) * (ys[i] - my); sxx += (xs[i] - mx) * (xs[i] - mx); }
  const double w_ls = sxy / sxx, b_ls = my - w_ls * mx;
  std::printf("least squares      : y = %.6f x + %.6f\n", w_ls, b_ls);
  const bool ok = std::abs(p[0] - w_ls) < 1e-6 && std::abs(p[1] - b_ls) < 1e-6;
  std::printf("%s\n", ok ? "match: gradient descent reached the least-squares line" : "MISMATCH");
  return ok ? 0 : 1;
}
