// Test objectives, optimizers and methods for the training loop's tests.  The optimizers
// here are deliberately small, self-written ones (the loop must not depend on optim/).
#ifndef DESCENT_TESTS_TRAIN_SUPPORT_HPP
#define DESCENT_TESTS_TRAIN_SUPPORT_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include <ostream>

#include <descent/problem/method.hpp>
#include <descent/train/result.hpp>

namespace descent {  // for Boost.Test's messages
inline std::ostream& operator<<(std::ostream& os, stop_reason r) { return os << to_string(r); }
}  // namespace descent

#include <unistd.h>

namespace train_test {

// f = (1-x)^2 + 100 (y - x^2)^2
struct rosenbrock {
  template <class T>
  T operator()(std::span<const T> x, std::span<T> g) const {
    const T a = 1 - x[0], b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  }
};

// f = sum_i c_i x_i^2 / 2 with c_i = i + 1
struct quadratic {
  template <class T>
  T operator()(std::span<const T> x, std::span<T> g) const {
    T f = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const T c = static_cast<T>(i + 1);
      g[i] = c * x[i];
      f += c * x[i] * x[i] / 2;
    }
    return f;
  }
};

// Plain gradient descent, stateless.
struct plain_gd {
  double lr = 0.1;
  template <class T>
  void step(std::span<T> x, std::span<const T> g) {
    for (std::size_t i = 0; i < x.size(); ++i) x[i] -= static_cast<T>(lr) * g[i];
  }
  template <class A>
  void serialize(A&) {}
};

// Heavy-ball momentum with a decaying rate: state = velocity + step counter, so a resumed
// run only matches when both are restored exactly.
struct momentum_opt {
  double lr = 1e-3;
  double beta = 0.9;
  std::vector<double> v{};
  std::uint64_t t = 0;
  template <class T>
  void step(std::span<T> x, std::span<const T> g) {
    if (v.empty()) v.assign(x.size(), 0.0);
    ++t;
    const double rate = lr / (1.0 + 0.01 * static_cast<double>(t));
    for (std::size_t i = 0; i < x.size(); ++i) {
      v[i] = beta * v[i] + static_cast<double>(g[i]);
      x[i] -= static_cast<T>(rate * v[i]);
    }
  }
  template <class A>
  void serialize(A& ar) {
    ar("momentum.v", v);
    ar("momentum.t", t);
  }
};

// An optimizer with a loss overload: the loop must prefer it.
struct loss_aware_opt {
  double lr = 0.1;
  int with_loss = 0;
  int without_loss = 0;
  double last_loss = std::numeric_limits<double>::quiet_NaN();
  template <class T>
  void step(std::span<T> x, std::span<const T> g) {
    ++without_loss;
    for (std::size_t i = 0; i < x.size(); ++i) x[i] -= static_cast<T>(lr) * g[i];
  }
  template <class T>
  void step(std::span<T> x, std::span<const T> g, T loss) {
    ++with_loss;
    last_loss = static_cast<double>(loss);
    for (std::size_t i = 0; i < x.size(); ++i) x[i] -= static_cast<T>(lr) * g[i];
  }
};

// A line-search method written directly against descent::method: steepest descent with
// Armijo backtracking.  Several evaluations per step; `failed` when backtracking gives up.
struct backtracking_gd {
  double t0 = 1.0;
  int max_halvings = 50;
  double converge_below = 0;  // report converged when |g| falls below this
  template <class F, class T>
  descent::step_report step(F& f, std::span<T> x, T& loss, std::span<T> g) {
    const std::size_t n = x.size();
    std::vector<T> xt(n), gt(n);
    double gg = 0;
    for (const T v : g) gg += static_cast<double>(v) * static_cast<double>(v);
    double t = t0;
    std::size_t evals = 0;
    for (int k = 0; k < max_halvings; ++k, t *= 0.5) {
      for (std::size_t i = 0; i < n; ++i) xt[i] = x[i] - static_cast<T>(t) * g[i];
      const T ft = f(std::span<const T>(xt), std::span<T>(gt));
      ++evals;
      if (static_cast<double>(ft) <= static_cast<double>(loss) - 1e-4 * t * gg) {
        std::copy(xt.begin(), xt.end(), x.begin());
        std::copy(gt.begin(), gt.end(), g.begin());
        loss = ft;
        double ng = 0;
        for (const T v : g) ng += static_cast<double>(v) * static_cast<double>(v);
        if (std::sqrt(ng) < converge_below)
          return {evals, descent::method_status::converged, "gradient small"};
        return {evals, descent::method_status::running, nullptr};
      }
    }
    return {evals, descent::method_status::failed,
            "backtracking: no step satisfies the Armijo condition"};
  }
  template <class A>
  void serialize(A&) {}
};

// A method that moves x[0] through a fixed script (for guard and keep_best tests).
struct scripted {
  std::vector<double> path;
  std::size_t k = 0;
  template <class F, class T>
  descent::step_report step(F& f, std::span<T> x, T& loss, std::span<T> g) {
    x[0] = static_cast<T>(path.at(k++));
    loss = f(std::span<const T>(x.data(), x.size()), g);
    return {1, descent::method_status::running, nullptr};
  }
};

// A fresh scratch directory per test process.
inline std::filesystem::path scratch_dir() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() /
             ("descent_train_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::string s;
  if (std::FILE* f = std::fopen(p.c_str(), "rb")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
    std::fclose(f);
  }
  return s;
}

}  // namespace train_test

#endif
