// Every line-search / second-order method runs through the one descent::minimize loop:
// the same stopping rules, callbacks (progress bar included), result type and checkpoints
// as first-order optimizers.
#include <descent/optim/named.hpp>
#include <descent/second_order.hpp>
#include <descent/train.hpp>

#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

#include "support/problems.hpp"

using test_problems::rosenbrock;

namespace {

struct counting_callback {
  std::size_t begins = 0, iterations = 0, ends = 0;
  std::size_t last_evaluations = 0;
  template <class T>
  void on_begin(const descent::iteration_state<T>&) { ++begins; }
  template <class T>
  bool on_iteration(const descent::iteration_state<T>& s) {
    ++iterations;
    last_evaluations = s.evaluations;
    return true;
  }
  template <class T>
  void on_end(const descent::minimize_result<T>&) { ++ends; }
};

// Runs `method` on Rosenbrock through minimize with a progress bar drawn into a temporary
// file, and checks what every method must share.
template <class M>
descent::minimize_result<double> run(M& method, std::size_t max_it, std::string& bar_text) {
  rosenbrock f;
  std::vector<double> x{-1.2, 1.0};
  counting_callback cb;
  std::FILE* tmp = std::tmpfile();
  BOOST_TEST_REQUIRE(tmp != nullptr);
  const auto r = descent::minimize(
      f, x, method, descent::max_iterations{max_it} || descent::gradient_norm_below{1e-9}, cb,
      descent::progress_bar{.when = descent::progress_bar::show::always, .stream = tmp});
  std::rewind(tmp);
  bar_text.clear();
  for (int c; (c = std::fgetc(tmp)) != EOF;) bar_text.push_back(static_cast<char>(c));
  std::fclose(tmp);
  BOOST_TEST(cb.begins == 1u);
  BOOST_TEST(cb.ends == 1u);
  BOOST_TEST(cb.iterations == r.iterations);
  BOOST_TEST(r.evaluations == f.calls);  // the loop counts every evaluation the method made
  BOOST_TEST(cb.last_evaluations == r.evaluations);
  BOOST_TEST(!bar_text.empty());  // the progress bar draws for line-search methods too
  return r;
}

}  // namespace

BOOST_AUTO_TEST_CASE(newton_lbfgs_cg_through_minimize) {
  std::string bar;
  descent::newton newton;
  const auto rn = run(newton, 100, bar);
  BOOST_TEST_MESSAGE("newton: " << rn.message << " after " << rn.iterations);
  BOOST_TEST((rn.reason == descent::stop_reason::gradient_norm));
  BOOST_TEST(rn.iterations <= 25u);
  BOOST_TEST(bar.find("iter") != std::string::npos);

  descent::lbfgs lbfgs({.history = 5});
  const auto rl = run(lbfgs, 200, bar);
  BOOST_TEST((rl.reason == descent::stop_reason::gradient_norm));
  BOOST_TEST(rl.grad_norm < 1e-9);

  descent::nonlinear_cg cg;
  const auto rc = run(cg, 2000, bar);
  BOOST_TEST((rc.reason == descent::stop_reason::gradient_norm));

  descent::nonlinear_cg cg_short;
  const auto rs = run(cg_short, 3, bar);  // the same stopping rules apply
  BOOST_TEST((rs.reason == descent::stop_reason::max_iterations));
  BOOST_TEST(rs.iterations == 3u);
}

BOOST_AUTO_TEST_CASE(bounded_methods_through_minimize) {
  std::string bar;
  const descent::box<double> b{.lower = {-2, -1}, .upper = {0.5, 2}};
  descent::projected_lbfgs plbfgs(b);
  const auto r = run(plbfgs, 500, bar);
  BOOST_TEST((r.reason == descent::stop_reason::converged));  // the method's own criterion
  BOOST_TEST(r.message.find("projected gradient") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(projected_first_order_optimizer_through_minimize) {
  // descent::optim::adam kept inside [-2, 0.5] x [-1, 2] by project_onto_box.
  rosenbrock f;
  std::vector<double> x{-1.2, 1.0};
  auto m = descent::project_onto_box(descent::optim::adam({.learning_rate = 1e-2}),
                                     descent::box<double>{.lower = {-2, -1}, .upper = {0.5, 2}});
  struct feasible {
    bool ok = true;
    bool on_iteration(const descent::iteration_state<double>& s) {
      ok = ok && s.x[0] <= 0.5 && s.x[0] >= -2 && s.x[1] >= -1 && s.x[1] <= 2;
      return true;
    }
  } check;
  const auto r = descent::minimize(f, x, m, descent::max_iterations{5000}, check);
  BOOST_TEST(check.ok);
  BOOST_TEST(r.evaluations == r.iterations + 1);
  BOOST_TEST(x[0] == 0.5);
  BOOST_TEST(x[1] == 0.25, boost::test_tools::tolerance(1e-3));
}

BOOST_AUTO_TEST_CASE(least_squares_through_minimize) {
  // r_i = x_i - i (exact zero residual): LM and Gauss-Newton converge.
  struct shifted {
    std::size_t num_residuals() const { return 3; }
    void residuals(std::span<const double> x, std::span<double> r) {
      for (std::size_t i = 0; i < 3; ++i) r[i] = x[i] * x[i] * x[i] - double(i) - 1;
    }
    void residuals_and_jacobian(std::span<const double> x, std::span<double> r,
                                std::span<double> j) {
      residuals(x, r);
      for (std::size_t i = 0; i < 9; ++i) j[i] = 0;
      for (std::size_t i = 0; i < 3; ++i) j[i * 3 + i] = 3 * x[i] * x[i];
    }
    double operator()(std::span<const double> x, std::span<double> g) {
      double f = 0;
      for (std::size_t i = 0; i < 3; ++i) {
        const double r = x[i] * x[i] * x[i] - double(i) - 1;
        f += r * r / 2;
        g[i] = r * 3 * x[i] * x[i];
      }
      return f;
    }
  };
  for (int which = 0; which < 2; ++which) {
    shifted f;
    std::vector<double> x{2, 2, 2};
    descent::levenberg_marquardt lm;
    descent::gauss_newton gn;
    const auto stop = descent::max_iterations{100} || descent::gradient_norm_below{1e-12};
    const descent::minimize_options opts{};
    const auto r = which ? descent::minimize(f, x, lm, stop, opts)
                         : descent::minimize(f, x, gn, stop, opts);
    BOOST_TEST(r.ok());
    BOOST_TEST(x[2] == std::cbrt(3.0), boost::test_tools::tolerance(1e-10));
  }
}

BOOST_AUTO_TEST_CASE(failed_line_search_is_reported_by_the_loop) {
  // A gradient that points the wrong way: no step along -g decreases f.
  auto liar = [](std::span<const double> x, std::span<double> g) {
    g[0] = -2 * x[0];
    return x[0] * x[0];
  };
  std::vector<double> x{1.0};
  descent::lbfgs opt;
  const auto r = descent::minimize(liar, x, opt, descent::max_iterations{10},
                                   descent::minimize_options{});
  BOOST_TEST(!r.ok());
  BOOST_TEST((r.reason == descent::stop_reason::method_failed));
  BOOST_TEST(r.message.find("line search") != std::string::npos);
  BOOST_TEST_MESSAGE(r.message);
  BOOST_TEST(x[0] == 1.0);  // a failed step leaves x where it was
}

BOOST_AUTO_TEST_CASE(lbfgs_checkpoint_resumes_exactly) {
  const auto path = (std::filesystem::temp_directory_path() / "descent_lbfgs_test.ckpt").string();
  // 8 iterations, checkpoint, 8 more == 16 in one go, bit for bit.
  rosenbrock f1;
  std::vector<double> x1{-1.2, 1.0};
  descent::lbfgs a;
  descent::minimize(f1, x1, a, descent::max_iterations{16}, descent::minimize_options{});

  rosenbrock f2;
  std::vector<double> x2{-1.2, 1.0};
  descent::lbfgs b;
  descent::minimize(f2, x2, b, descent::max_iterations{8}, descent::minimize_options{});
  descent::save_checkpoint(path, x2, b, 8);
  std::vector<double> x3(2);
  descent::lbfgs c;
  const auto it = descent::load_checkpoint(path, x3, c);
  BOOST_TEST(it == 8u);
  BOOST_TEST(c.pairs_stored() == b.pairs_stored());
  descent::minimize(f2, x3, c, descent::max_iterations{16},
                    descent::minimize_options{.start_iteration = it});
  BOOST_TEST(x3[0] == x1[0]);
  BOOST_TEST(x3[1] == x1[1]);
  std::filesystem::remove(path);
}
