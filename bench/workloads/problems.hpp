// The data and evaluation points of workloads W1-W4 and W6, generated deterministically
// (splitmix64), and the per-term / per-sample formulas written once as templates so that
// every operator-overloading peer (Sacado, ADOL-C, Ceres Jet, Eigen AutoDiffScalar) runs the
// same arithmetic as the hand-written rows.
//   W1  n-D Rosenbrock, n = 1000:   sum_i 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2
//   W2  linear-regression MSE:      (1/N) sum_i (x_i.w + b - y_i)^2,          N = 10000, D = 8
//   W3  logistic-regression NLL:    (1/N) sum_i softplus(z_i) - y_i z_i, z_i = x_i.w + b
//   W4  dense net 8 -> 16 tanh -> 1, MSE over N = 1000 samples
// Parameter layouts (what every gradient is ordered by):
//   W2, W3: (w_1..w_8, b);   W4: (W1 16x8 row-major, b1 16, w2 16, b2) = 161 parameters.
#ifndef DESCENT_BENCH_PROBLEMS_HPP
#define DESCENT_BENCH_PROBLEMS_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "harness.hpp"

namespace bench {

struct splitmix {
  std::uint64_t s;
  double uniform(double lo, double hi) {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return lo + (hi - lo) * static_cast<double>(z >> 11) * 0x1.0p-53;
  }
};

inline constexpr std::size_t w1_n = 1000;
inline constexpr std::size_t reg_n = 10000, reg_d = 8;
inline constexpr std::size_t mlp_n = 1000, mlp_in = 8, mlp_hidden = 16;
inline constexpr std::size_t mlp_params = mlp_hidden * mlp_in + mlp_hidden + mlp_hidden + 1;

struct rosenbrock_problem {
  std::vector<double> x;
};
// Samples X (row-major n x d), targets y, and the point theta where the gradient is taken.
struct regression_problem {
  std::size_t n, d;
  std::vector<double> X, y, theta;
};

inline const rosenbrock_problem& w1() {
  static const rosenbrock_problem p = [] {
    rosenbrock_problem r;
    splitmix g{1};
    for (std::size_t i = 0; i < w1_n; ++i) r.x.push_back(g.uniform(-1.5, 1.5));
    return r;
  }();
  return p;
}

inline regression_problem make_regression(bool logistic) {
  regression_problem r{reg_n, reg_d, {}, {}, {}};
  splitmix g{logistic ? 3u : 2u};
  std::vector<double> truth(reg_d + 1);
  for (auto& t : truth) t = g.uniform(-1, 1);
  for (std::size_t i = 0; i < reg_n; ++i) {
    double z = truth[reg_d];
    for (std::size_t j = 0; j < reg_d; ++j) {
      const double v = g.uniform(-2, 2);
      r.X.push_back(v);
      z += truth[j] * v;
    }
    const double u = g.uniform(0, 1);
    r.y.push_back(logistic ? (u < 1 / (1 + std::exp(-z)) ? 1.0 : 0.0) : z + 0.1 * (u - 0.5));
  }
  for (std::size_t j = 0; j <= reg_d; ++j) r.theta.push_back(g.uniform(-0.5, 0.5));
  return r;
}
inline const regression_problem& w2() {
  static const regression_problem p = make_regression(false);
  return p;
}
inline const regression_problem& w3() {
  static const regression_problem p = make_regression(true);
  return p;
}
inline const regression_problem& w4() {
  static const regression_problem p = [] {
    regression_problem r{mlp_n, mlp_in, {}, {}, {}};
    splitmix g{4};
    for (std::size_t i = 0; i < mlp_n; ++i) {
      double s = 0;
      for (std::size_t j = 0; j < mlp_in; ++j) {
        const double v = g.uniform(-1, 1);
        r.X.push_back(v);
        s += v * static_cast<double>(j + 1) / 8;
      }
      r.y.push_back(std::sin(s));
    }
    for (std::size_t k = 0; k < mlp_params; ++k) r.theta.push_back(g.uniform(-0.5, 0.5));
    return r;
  }();
  return p;
}

// ---- the formulas, generic over the number type (peers) -----------------------------------
// T must support + - * with double and T, and exp, log, tanh found by argument-dependent
// lookup (or std:: for double).
template <class T>
T rosenbrock_term(const T& a, const T& b) {
  const T t = b - a * a;
  const T u = 1.0 - a;
  return 100.0 * t * t + u * u;
}

template <class T, class Theta>
T affine(const Theta& th, const double* x, std::size_t d) {
  T z = th[d];
  for (std::size_t j = 0; j < d; ++j) z = z + th[j] * x[j];
  return z;
}

template <class T, class Theta>
T linreg_sample(const Theta& th, const double* x, double y, std::size_t d) {
  const T r = affine<T>(th, x, d) - y;
  return r * r;
}

// softplus(z) - y z in the stable form log(1 + e^-|z|) + max(z, 0) - y z; the branch is
// taken on the value (for a tape-based peer it is recorded at the taping point).
template <class T>
T logistic_loss(const T& z, double y, bool positive) {
  using std::exp;
  using std::log;
  if (positive) return T(log(1.0 + exp(-z)) + z - y * z);
  return T(log(1.0 + exp(z)) - y * z);
}

template <class T, class Theta>
T logreg_sample(const Theta& th, const double* x, double y, std::size_t d, bool positive) {
  return logistic_loss(affine<T>(th, x, d), y, positive);
}

// W4: out = w2 . tanh(W1 x + b1) + b2, loss (out - y)^2.
template <class T, class Theta>
T mlp_sample(const Theta& th, const double* x, double y) {
  using std::tanh;
  const std::size_t b1 = mlp_hidden * mlp_in, w2 = b1 + mlp_hidden, b2 = w2 + mlp_hidden;
  T out = th[b2];
  for (std::size_t h = 0; h < mlp_hidden; ++h) {
    T a = th[b1 + h];
    for (std::size_t j = 0; j < mlp_in; ++j) a = a + th[h * mlp_in + j] * x[j];
    out = out + th[w2 + h] * tanh(a);
  }
  const T r = out - y;
  return r * r;
}

// Where the stable logistic form branches, from the double-valued parameters.
inline bool logistic_positive(const regression_problem& p, std::size_t i) {
  return affine<double>(p.theta, p.X.data() + i * p.d, p.d) > 0;
}

// Writes X, y, theta for torch_rows.py.
inline void export_regression(const std::string& dir, const std::string& w, const regression_problem& p) {
  write_doubles(dir + "/" + w + ".X.bin", p.X);
  write_doubles(dir + "/" + w + ".y.bin", p.y);
  write_doubles(dir + "/" + w + ".theta.bin", p.theta);
}

}  // namespace bench

#endif
