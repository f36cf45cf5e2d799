// The descent rows that need shaped expressions (vec<"w",N>, mat<"W",R,C>, sums over samples).
// Each is ONE function, declared here as a weak symbol and defined by whoever writes it in the
// marked block `#if __has_include(<descent/shaped.hpp>)` of its workload's source file, or in a
// source file of its own where one TU would take more than 10 s to compile:
//   W1  w1_descent                     w1_rosenbrock.cpp
//   W2  w2_descent                     w2_linear_regression.cpp
//   W3  w3_descent                     w3_logistic_regression.cpp
//   W4  w4_descent                     w4_mlp_descent.cpp
//   W6  w6_logistic_hessian_descent    w6_hessian.cpp
//   W8  w8_digits_epoch_descent        w8_digits_descent.cpp
//   W8  w8_lbfgs_descent               w8_lbfgs.cpp
// Until a function is defined its row is skipped with a message (the weak symbol is null); once
// defined, the harness checks it against the hand-written row and times it like the others.
#ifndef DESCENT_BENCH_DESCENT_ROWS_HPP
#define DESCENT_BENCH_DESCENT_ROWS_HPP

#include <span>
#include <vector>

#include "harness.hpp"

namespace bench {

// f(x) with its gradient written to g; x is the workload's parameter vector (layouts in
// problems.hpp), the data are bench::w2() etc.
[[gnu::weak]] double w1_descent(std::span<const double> x, std::span<double> g);
[[gnu::weak]] double w2_descent(std::span<const double> theta, std::span<double> g);
[[gnu::weak]] double w3_descent(std::span<const double> theta, std::span<double> g);
[[gnu::weak]] double w4_descent(std::span<const double> theta, std::span<double> g);
// The 9 x 9 Hessian of W3's loss at theta, row-major into h.
[[gnu::weak]] void w6_logistic_hessian_descent(std::span<const double> theta, std::span<double> h);
// One epoch of the digits MLP with Adam; see w8_digits.cpp for what the kernel's result
// must hold (it is checked against the hand-written Eigen epoch).
[[gnu::weak]] kernel w8_digits_epoch_descent();
// L-BFGS on breast_cancer with the model as an expression (w8_lbfgs.cpp).
[[gnu::weak]] kernel w8_lbfgs_descent();

using value_grad_ptr = double (*)(std::span<const double>, std::span<double>);

// Registers `<workload>/descent` when f is defined, else notes that the row is skipped.
struct descent_row {
  descent_row(const char* workload, value_grad_ptr f, std::vector<double> (*point)()) {
    if (f)
      add_row(workload, "descent", [f, point] { return value_grad_kernel(point(), f); });
    else
      add_skipped(std::string(workload) + "/descent", "needs descent's shaped expressions (not written yet)");
  }
  descent_row(const char* workload, kernel (*make)(), row_options o = {}) {
    if (make)
      add_row(workload, "descent", make, o);
    else
      add_skipped(std::string(workload) + "/descent", "needs descent's shaped expressions (not written yet)");
  }
};

}  // namespace bench

#endif
