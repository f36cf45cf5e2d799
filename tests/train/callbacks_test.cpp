// Callbacks: hooks and their order, progress_bar, loss_history_csv, early_stopping,
// keep_best, every_n.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <descent/train/callback.hpp>
#include <descent/train/early_stopping.hpp>
#include <descent/train/keep_best.hpp>
#include <descent/train/loss_history_csv.hpp>
#include <descent/train/minimize.hpp>
#include <descent/train/progress_bar.hpp>

#include "support.hpp"

using namespace train_test;

namespace {

struct recorder {
  std::vector<std::string> log{};
  std::vector<double> losses{};
  int stop_at = -1;
  template <class T>
  void on_begin(const descent::iteration_state<T>& s) {
    log.push_back("begin " + std::to_string(s.iteration));
    losses.push_back(static_cast<double>(s.loss));
  }
  template <class T>
  bool on_iteration(const descent::iteration_state<T>& s) {
    log.push_back("iter " + std::to_string(s.iteration));
    losses.push_back(static_cast<double>(s.loss));
    return static_cast<int>(s.iteration) != stop_at;
  }
  template <class T>
  void on_end(const descent::minimize_result<T>& r) {
    log.push_back("end " + std::to_string(r.iterations));
  }
};

struct end_only {  // only one hook: a valid callback
  int ends = 0;
  template <class T>
  void on_end(const descent::minimize_result<T>&) {
    ++ends;
  }
};

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& e : v) s += e + ";";
  return s;
}

// Everything written to a temporary FILE*.
std::string contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string s;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  return s;
}

std::size_t count(const std::string& s, char c) {
  std::size_t k = 0;
  for (char x : s) k += x == c;
  return k;
}

// Sets an environment variable for a scope, then puts back the old value.
struct scoped_env {
  std::string name;
  std::optional<std::string> old;
  scoped_env(const char* n, const char* value) : name(n) {
    if (const char* o = std::getenv(n)) old = o;
    if (value) ::setenv(n, value, 1);
    else ::unsetenv(n);
  }
  ~scoped_env() {
    if (old) ::setenv(name.c_str(), old->c_str(), 1);
    else ::unsetenv(name.c_str());
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(train_callbacks)

BOOST_AUTO_TEST_CASE(hooks_are_called_in_order) {
  std::vector<double> x{1.0};
  plain_gd gd;
  recorder rec;
  end_only e;
  const auto r = descent::minimize(quadratic{}, x, gd, descent::max_iterations{3}, rec, e);
  BOOST_TEST(join(rec.log) == "begin 0;iter 1;iter 2;iter 3;end 3;");
  BOOST_TEST(e.ends == 1);
  BOOST_TEST(rec.losses.back() == r.loss);
}

BOOST_AUTO_TEST_CASE(on_iteration_false_stops_with_reason_callback) {
  std::vector<double> x{1.0};
  plain_gd gd;
  recorder rec{.stop_at = 2};
  recorder other;  // every callback still sees the iteration that stops the run
  const auto r = descent::minimize(quadratic{}, x, gd, descent::max_iterations{10}, rec, other);
  BOOST_TEST(r.iterations == 2u);
  BOOST_TEST(r.reason == descent::stop_reason::callback);
  BOOST_TEST(r.message == "a callback's on_iteration returned false");
  BOOST_TEST(join(other.log) == "begin 0;iter 1;iter 2;end 2;");
}

BOOST_AUTO_TEST_CASE(progress_bar_draws_for_first_order_and_line_search_alike) {
  for (int which = 0; which < 2; ++which) {
    std::FILE* out = std::tmpfile();
    BOOST_REQUIRE(out != nullptr);
    std::vector<double> x{-1.2, 1.0};
    descent::progress_bar bar{.total = 5,
                              .refresh_seconds = 0,
                              .when = descent::progress_bar::show::always,
                              .stream = out};
    plain_gd gd{.lr = 1e-3};
    backtracking_gd ls;
    const auto r = which == 0 ? descent::minimize(rosenbrock{}, x, gd, descent::max_iterations{5}, bar)
                              : descent::minimize(rosenbrock{}, x, ls, descent::max_iterations{5}, bar);
    const std::string s = contents(out);
    std::fclose(out);
    BOOST_TEST_CONTEXT("method " << which << ", output: " << s) {
      BOOST_TEST(count(s, '\r') == 7u);  // start, 5 iterations, end
      BOOST_TEST(s.find("iter 5 | loss ") != std::string::npos);
      BOOST_TEST(s.find("| |g| ") != std::string::npos);
      BOOST_TEST(s.find(" it/s") != std::string::npos);
      BOOST_TEST(s.find("[##############################] 100% ") != std::string::npos);
      BOOST_TEST(s.find("reached max_iterations (5)") != std::string::npos);
      BOOST_TEST(r.iterations == 5u);
    }
  }
}

BOOST_AUTO_TEST_CASE(progress_bar_rate_limits_redraws) {
  std::FILE* out = std::tmpfile();
  BOOST_REQUIRE(out != nullptr);
  std::vector<double> x{1.0};
  plain_gd gd;
  descent::progress_bar bar{.refresh_seconds = 3600, .when = descent::progress_bar::show::always,
                            .stream = out};
  descent::minimize(quadratic{}, x, gd, descent::max_iterations{1000}, bar);
  const std::string s = contents(out);
  std::fclose(out);
  BOOST_TEST(count(s, '\r') == 2u);  // the start and the end only
}

BOOST_AUTO_TEST_CASE(progress_bar_is_quiet_off_a_terminal) {
  std::FILE* out = std::tmpfile();
  BOOST_REQUIRE(out != nullptr);
  std::vector<double> x{1.0};
  plain_gd gd;
  descent::progress_bar bar{.refresh_seconds = 0, .stream = out};  // automatic
  descent::minimize(quadratic{}, x, gd, descent::max_iterations{10}, bar);
  BOOST_TEST(contents(out).empty());
  std::fclose(out);
}

BOOST_AUTO_TEST_CASE(progress_bar_draws_on_a_terminal_unless_ci) {
  // A pseudo-terminal stands in for the user's terminal.
  const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) {
    BOOST_TEST_MESSAGE("no pseudo-terminal available: terminal detection not tested");
    if (master >= 0) ::close(master);
    return;
  }
  std::FILE* tty = std::fopen(::ptsname(master), "w");
  BOOST_REQUIRE(tty != nullptr);
  {
    scoped_env ci("CI", nullptr);
    BOOST_TEST(descent::progress_bar::should_draw(tty));
  }
  {
    scoped_env ci("CI", "true");
    BOOST_TEST(!descent::progress_bar::should_draw(tty));
  }
  std::FILE* file = std::tmpfile();
  {
    scoped_env ci("CI", nullptr);
    BOOST_TEST(!descent::progress_bar::should_draw(file));
  }
  std::fclose(file);
  std::fclose(tty);
  ::close(master);
}

BOOST_AUTO_TEST_CASE(loss_history_csv_rows_read_back_exactly) {
  const auto path = (scratch_dir() / "history.csv").string();
  std::vector<double> x{-1.2, 1.0};
  plain_gd gd{.lr = 1e-3};
  recorder rec;
  descent::minimize(rosenbrock{}, x, gd, descent::max_iterations{4},
                    descent::loss_history_csv{path}, rec);
  std::istringstream in(read_file(path));
  std::string line;
  std::getline(in, line);
  BOOST_TEST(line == "iteration,loss,grad_norm,evaluations,seconds");
  std::size_t rows = 0;
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string it, loss, gn, ev, sec;
    std::getline(row, it, ',');
    std::getline(row, loss, ',');
    std::getline(row, gn, ',');
    std::getline(row, ev, ',');
    std::getline(row, sec, ',');
    BOOST_TEST(std::stoul(it) == rows);
    BOOST_TEST(std::stod(loss) == rec.losses.at(rows));  // 17 digits: exact
    BOOST_TEST(std::stoul(ev) == rows + 1);
    BOOST_TEST(std::stod(gn) > 0.0);
    ++rows;
  }
  BOOST_TEST(rows == 5u);  // the start and 4 iterations
  // append: no second header, no repeated start row
  descent::minimize(rosenbrock{}, x, gd, descent::max_iterations{6},
                    descent::loss_history_csv{path, true},
                    descent::minimize_options{.start_iteration = 4});
  const std::string all = read_file(path);
  BOOST_TEST(count(all, '\n') == 1u + 5u + 2u);
  BOOST_TEST(all.find("\n6,") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(loss_history_csv_bad_path_throws_naming_it) {
  std::vector<double> x{1.0};
  plain_gd gd;
  BOOST_CHECK_EXCEPTION(
      descent::minimize(quadratic{}, x, gd, descent::max_iterations{1},
                        descent::loss_history_csv{"/nonexistent-dir/loss.csv"}),
      std::runtime_error, [](const std::runtime_error& e) {
        return std::string(e.what()).find(
                   "descent::loss_history_csv: cannot open '/nonexistent-dir/loss.csv'") == 0;
      });
}

BOOST_AUTO_TEST_CASE(early_stopping_with_patience) {
  // Loss 5, 4, 3, then flat at 3: with patience 3 the run stops 3 iterations after the best.
  std::vector<double> x{0.0};
  scripted m{.path = {4, 3, 3, 3, 3, 3, 3, 3, 3, 3}};
  auto f = [](std::span<const double> v, std::span<double> g) {
    g[0] = 1;
    return v[0] == 0.0 ? 5.0 : v[0];
  };
  const auto r = descent::minimize(f, x, m, descent::max_iterations{10},
                                   descent::early_stopping{.patience = 3});
  BOOST_TEST(r.iterations == 5u);
  BOOST_TEST(r.reason == descent::stop_reason::callback);
  BOOST_TEST(r.message ==
             "early_stopping: no improvement of more than 0 over the best loss 3 (iteration 2) "
             "in 3 iterations");
}

BOOST_AUTO_TEST_CASE(early_stopping_min_delta) {
  // Improvements of 0.01 do not count with min_delta 0.1.
  std::vector<double> x{0.0};
  scripted m{.path = {0.99, 0.98, 0.97, 0.96, 0.95, 0.94}};
  auto f = [](std::span<const double> v, std::span<double> g) {
    g[0] = 1;
    return v[0] == 0.0 ? 1.0 : v[0];
  };
  const auto r = descent::minimize(f, x, m, descent::max_iterations{6},
                                   descent::early_stopping{.patience = 2, .min_delta = 0.1});
  BOOST_TEST(r.iterations == 2u);
  BOOST_TEST(r.reason == descent::stop_reason::callback);
}

BOOST_AUTO_TEST_CASE(keep_best_restores_the_best_point) {
  auto f = [](std::span<const double> v, std::span<double> g) {
    g[0] = 2 * v[0];
    return v[0] * v[0];
  };
  {
    std::vector<double> x{3.0};
    scripted m{.path = {1.0, 0.5, 2.0, 4.0}};
    descent::keep_best best{.restore = true};
    const auto r = descent::minimize(f, x, m, descent::max_iterations{4}, best);
    BOOST_TEST(x[0] == 0.5);
    BOOST_TEST(r.loss == 0.25);
    BOOST_TEST(r.grad_norm == 1.0);
    BOOST_TEST(r.evaluations == 6u);  // 1 + 4 + the re-evaluation at the best point
    BOOST_TEST(best.iteration() == 2u);
    BOOST_TEST(best.loss() == 0.25);
  }
  {
    std::vector<double> x{3.0};
    scripted m{.path = {1.0, 0.5, 2.0, 4.0}};
    descent::keep_best best;  // no restore: only remembers
    const auto r = descent::minimize(f, x, m, descent::max_iterations{4}, best);
    BOOST_TEST(x[0] == 4.0);
    BOOST_TEST(r.loss == 16.0);
    BOOST_TEST(best.params().at(0) == 0.5);
  }
  {
    std::vector<float> x{3.0f};  // ends at its best: nothing to restore, no re-evaluation
    scripted m{.path = {1.0, 0.5}};
    auto ff = [](std::span<const float> v, std::span<float> g) {
      g[0] = 2 * v[0];
      return v[0] * v[0];
    };
    const auto r = descent::minimize(ff, x, m, descent::max_iterations{2},
                                     descent::keep_best{.restore = true});
    BOOST_TEST(x[0] == 0.5f);
    BOOST_TEST(r.evaluations == 3u);
  }
}

BOOST_AUTO_TEST_CASE(every_n_thins_on_iteration) {
  std::vector<double> x{1.0};
  plain_gd gd;
  recorder rec;
  descent::minimize(quadratic{}, x, gd, descent::max_iterations{10}, descent::every_n{3, rec});
  BOOST_TEST(join(rec.log) == "begin 0;iter 3;iter 6;iter 9;end 10;");
  recorder stopper{.stop_at = 6};
  const auto r = descent::minimize(quadratic{}, x, gd, descent::max_iterations{10},
                                   descent::every_n{3, stopper});
  BOOST_TEST(r.iterations == 6u);
}

BOOST_AUTO_TEST_SUITE_END()
