// The snippets of docs/training.md, compiled and run (keep the two in step).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <span>
#include <string>
#include <vector>

#include <descent/train.hpp>

#include "support.hpp"

namespace {

struct my_gd {
  double lr = 0.1;
  template <class T>
  void step(std::span<T> x, std::span<const T> g) {
    for (std::size_t i = 0; i < x.size(); ++i) x[i] -= static_cast<T>(lr) * g[i];
  }
  template <class A>
  void serialize(A&) {}
};

// Steepest descent with Armijo backtracking, as a method.
struct backtracking {
  template <class F, class T>
  descent::step_report step(F& f, std::span<T> x, T& loss, std::span<T> g) {
    std::vector<T> xt(x.size()), gt(x.size());
    T gg = 0;
    for (T v : g) gg += v * v;
    std::size_t evals = 0;
    for (T t = 1; t > T(1e-10); t /= 2) {
      for (std::size_t i = 0; i < x.size(); ++i) xt[i] = x[i] - t * g[i];
      const T ft = f(std::span<const T>(xt), std::span<T>(gt));
      ++evals;
      if (ft <= loss - T(1e-4) * t * gg) {  // accepted: x, loss, g := the trial point's
        std::copy(xt.begin(), xt.end(), x.begin());
        std::copy(gt.begin(), gt.end(), g.begin());
        loss = ft;
        return {evals, descent::method_status::running, nullptr};
      }
    }
    return {evals, descent::method_status::failed, "backtracking: no sufficient decrease"};
  }
  template <class Archive> void serialize(Archive&) {}  // no state
};

}  // namespace

BOOST_AUTO_TEST_SUITE(train_docs)

BOOST_AUTO_TEST_CASE(intro) {
  // f(x, g): returns f(x), writes the gradient into g.  Any such callable is an objective.
  auto rosenbrock = [](std::span<const double> x, std::span<double> g) {
    const double a = 1 - x[0], b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  };

  std::vector<double> x{-1.2, 1.0};
  my_gd opt{.lr = 1e-3};                    // anything with opt.step(params, grads)
  auto r = descent::minimize(rosenbrock, x, opt,
                             descent::max_iterations{20'000} || descent::gradient_norm_below{1e-6},
                             descent::progress_bar{});
  BOOST_TEST(r.loss < 1e-3);
  backtracking ls;
  std::vector<double> y{-1.2, 1.0};
  r = descent::minimize(rosenbrock, y, ls, descent::max_iterations{100});
  BOOST_TEST(r.iterations == 100u);
}

BOOST_AUTO_TEST_CASE(rules_callbacks_guard_checkpoints) {
  const auto f = train_test::quadratic{};
  std::vector<double> x{1.0, -1.0};
  my_gd opt;
  auto stop = descent::max_iterations{10'000} ||
              descent::relative_loss_change_below{.tol = 1e-12, .patience = 5} ||
              descent::wall_time_budget{std::chrono::seconds(30)};
  auto r = descent::minimize(f, x, opt, stop);
  BOOST_TEST(r.reason == descent::stop_reason::loss_change);

  const std::string csv = (train_test::scratch_dir() / "docs_loss.csv").string();
  descent::keep_best best{.restore = true};
  descent::minimize(f, x, opt, descent::max_iterations{500},
                    descent::early_stopping{.patience = 20, .min_delta = 1e-9}, best,
                    descent::every_n{10, descent::loss_history_csv{csv}});

  r = descent::minimize(f, x, opt, stop,
      descent::minimize_options{.on_divergence = descent::divergence_action::report});
  if (r.reason == descent::stop_reason::diverged) { /* r.message, x is the last finite point */ }

  const std::string ckpt = (train_test::scratch_dir() / "docs_run.ckpt").string();
  const std::size_t iteration = 3;
  descent::save_checkpoint(ckpt, x, opt, iteration);
  std::size_t it = descent::load_checkpoint(ckpt, x, opt);  // returns the iteration
  descent::minimize(f, x, opt, descent::max_iterations{1000},
                    descent::minimize_options{.start_iteration = it});
  // or from inside the loop, every 100 iterations and at the end:
  descent::minimize(f, x, opt, stop, descent::checkpoint{ckpt, 100});
  BOOST_TEST(it == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
