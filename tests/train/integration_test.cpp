// One loop for all: the real first-order optimizers (descent/optim) and line-search methods
// (descent/second_order) go through the same minimize, stopping rules, callbacks (progress
// bar included) and checkpoints.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <descent/optim/named.hpp>
#include <descent/second_order/lbfgs.hpp>
#include <descent/train.hpp>

#include "support.hpp"

using namespace train_test;

namespace {

template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
}

std::size_t redraws(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::size_t n = 0;
  for (int c; (c = std::fgetc(f)) != EOF;) n += c == '\r';
  return n;
}

template <class Make>
void resume_is_bit_identical(Make make, std::size_t total, std::size_t cut, const char* file) {
  const auto path = (scratch_dir() / file).string();
  const std::vector<double> start{-1.2, 1.0};
  std::vector<double> a = start, b = start, c{9.0, 9.0};
  auto ma = make(), mb = make(), mc = make();
  const auto ra = descent::minimize(rosenbrock{}, a, ma, descent::max_iterations{total});
  descent::minimize(rosenbrock{}, b, mb, descent::max_iterations{cut},
                    descent::checkpoint{path, cut});
  const auto it = descent::load_checkpoint(path, c, mc);
  BOOST_TEST(it == cut);
  const auto rc = descent::minimize(rosenbrock{}, c, mc, descent::max_iterations{total},
                                    descent::minimize_options{.start_iteration = it});
  BOOST_TEST(same_bits(a, c));
  BOOST_TEST(std::memcmp(&ra.loss, &rc.loss, sizeof ra.loss) == 0);
  BOOST_TEST(rc.iterations == ra.iterations);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(train_integration)

BOOST_AUTO_TEST_CASE(adam_and_lbfgs_share_the_loop_and_the_progress_bar) {
  for (int which = 0; which < 2; ++which) {
    std::FILE* out = std::tmpfile();
    BOOST_REQUIRE(out != nullptr);
    descent::progress_bar bar{.refresh_seconds = 0,
                              .when = descent::progress_bar::show::always,
                              .stream = out};
    std::vector<double> x{-1.2, 1.0};
    const auto stop = descent::max_iterations{20'000} || descent::gradient_norm_below{1e-8};
    descent::minimize_result<double> r;
    if (which == 0) {
      auto opt = descent::optim::adam({.learning_rate = 0.02});
      r = descent::minimize(rosenbrock{}, x, opt, stop, bar);
    } else {
      auto m = descent::lbfgs();
      r = descent::minimize(rosenbrock{}, x, m, stop, bar);
      BOOST_TEST(r.iterations < 100u);
      BOOST_TEST(r.evaluations > r.iterations);
    }
    BOOST_TEST_CONTEXT("method " << which << ": " << r.message) {
      BOOST_TEST(r.ok());
      BOOST_TEST(std::abs(x[0] - 1.0) < 1e-4);
      BOOST_TEST(redraws(out) == r.iterations + 2);  // the bar saw every iteration
    }
    std::fclose(out);
  }
}

BOOST_AUTO_TEST_CASE(adam_resumes_bit_identically) {
  resume_is_bit_identical([] { return descent::optim::adam({.learning_rate = 0.01}); }, 300, 120,
                          "adam.ckpt");
}

BOOST_AUTO_TEST_CASE(lbfgs_resumes_bit_identically) {
  resume_is_bit_identical([] { return descent::lbfgs({.history = 4}); }, 30, 12, "lbfgs.ckpt");
}

BOOST_AUTO_TEST_SUITE_END()
