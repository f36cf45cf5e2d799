// Sums over samples on threads: the same bits for 1, 2 and 4 threads (and for an objective
// that never asked for threads), for value, gradient and Hessian-vector products, on all rows
// and on a mini-batch; errors of a worker reach the caller; and the worker pool itself.
#include <descent/shaped.hpp>
#include <descent/shaped/detail/workers.hpp>
#include <descent/shaped/objective.hpp>

#include <atomic>
#include <cmath>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "fd_support.hpp"

using namespace descent::literals;

namespace {
constexpr descent::vec<"w", 6> w;
constexpr descent::var<"b"> b;
constexpr descent::vec<"x", 6> x;
constexpr descent::var<"y"> y;
constexpr descent::var<"label"> label;
constexpr descent::mat<"W", 4, 6> W;
constexpr descent::vec<"c", 4> c;

// 6 features, labels 0..3.
struct data_set : fd::sample_data {
  explicit data_set(std::size_t n) : sample_data(n, 6, 11, 4) {}
};

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// value, gradient and one Hessian-vector product at p, on `threads` threads (0: never asked).
template <class Obj>
std::vector<double> results(Obj obj, std::size_t threads, const std::vector<double>& p, std::span<const std::size_t> rows = {}) {
  if (threads) obj.threads(threads);
  BOOST_TEST(obj.threads() == (threads ? threads : 1u));
  const auto view = rows.empty() ? obj : obj.on(rows);
  std::vector<double> g(p.size()), hv(p.size()), out;
  const double f = view(p, g);
  const double f2 = view.value(p);
  BOOST_TEST(same_bits(f, f2));
  view.hessian_vector(p, fd::random_vector(p.size(), 3), hv);
  out.push_back(f);
  out.insert(out.end(), g.begin(), g.end());
  out.insert(out.end(), hv.begin(), hv.end());
  return out;
}

template <class Obj>
void check_threads(const Obj& obj, const std::vector<double>& p, std::span<const std::size_t> rows = {}) {
  const auto serial = results(obj, 0, p, rows);
  for (std::size_t t : {1u, 2u, 3u, 4u}) {
    const auto threaded = results(obj, t, p, rows);
    BOOST_TEST(same_bits(serial, threaded), "threads = " << t);
  }
}
}  // namespace

// Logistic regression with a penalty: sizes below one chunk, several one-block chunks, and
// chunks of several blocks (more than 64 blocks).
BOOST_AUTO_TEST_CASE(logistic_regression_same_bits_for_any_thread_count) {
  constexpr auto loss = softplus(-(2_c * y - 1_c) * (dot(w, x) + b));
  for (std::size_t n : {100u, 5000u, 70001u}) {
    const data_set d(n);
    const auto obj = descent::make_objective(descent::mean_over_samples(loss) + 1e-3 * sq_norm(w),
                                             descent::wrt(w, b), x = d.X, y = d.Y);
    const auto p = fd::random_vector(obj.dimension, 7);
    check_threads(obj, p);
    // and the chunked sum is the sum: against a plain loop in long double
    std::vector<double> g(p.size());
    const double f = obj(p, g);
    long double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      long double z = p[6];
      for (std::size_t j = 0; j < 6; ++j) z += p[j] * d.X(i, j);
      const long double m = -(2 * d.Y[i] - 1) * z;
      total += std::max(m, 0.0L) + std::log1p(std::exp(-std::abs(m)));
    }
    double penalty = 0;
    for (std::size_t j = 0; j < 6; ++j) penalty += 1e-3 * p[j] * p[j];
    const double expect = static_cast<double>(total / static_cast<long double>(n)) + penalty;
    BOOST_TEST(std::abs(f - expect) <= 1e-13 * std::abs(expect), "n = " << n << ": " << f << " vs " << expect);
  }
}

// Softmax regression (matrix products lowered to GEMM per block) on all rows and on a
// mini-batch of gathered rows.
BOOST_AUTO_TEST_CASE(softmax_regression_same_bits_on_rows_and_batches) {
  constexpr auto logits = W * x + c;
  constexpr auto ce = logsumexp(logits) - logits[label];
  const data_set d(9000);
  const auto obj = descent::make_objective(descent::mean_over_samples(ce) + 1e-4 * sq_norm(W),
                                           descent::wrt(W, c), x = d.X, label = d.labels);
  const auto p = fd::random_vector(obj.dimension, 5);
  check_threads(obj, p);
  std::vector<std::size_t> rows(3000);
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = (i * 7919) % 9000;
  check_threads(obj, p, rows);
  BOOST_TEST(fd::gradient_error(obj, p) < 1e-7);
}

// An error inside a worker (a label out of range in row 8000) reaches the caller, as it does
// without threads; the objective works afterwards.
BOOST_AUTO_TEST_CASE(worker_errors_reach_the_caller) {
  constexpr auto logits = W * x + c;
  constexpr auto ce = logsumexp(logits) - logits[label];
  data_set d(9000);
  d.labels[8000] = 4;
  auto obj = descent::make_objective(descent::mean_over_samples(ce), descent::wrt(W, c), x = d.X, label = d.labels);
  const auto p = fd::random_vector(obj.dimension, 5);
  std::vector<double> g(p.size());
  for (std::size_t t : {1u, 4u}) {
    obj.threads(t);
    try {
      obj(p, g);
      BOOST_ERROR("no exception");
    } catch (const std::out_of_range& e) {
      BOOST_TEST(std::string(e.what()).find("label 'label' = 4 is out of range for a vector of 4 entries") != std::string::npos,
                 e.what());
    }
  }
  const std::vector<std::size_t> fine{0, 1, 2};
  BOOST_TEST(std::isfinite(obj.on(fine)(p, g)));
  BOOST_CHECK_THROW(obj.threads(0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(worker_pool_runs_every_item_once) {
  for (std::size_t threads : {1u, 2u, 4u}) {
    descent::detail::worker_pool pool(threads);
    BOOST_TEST(pool.size() == threads);
    for (std::size_t items : {0u, 1u, 3u, 1000u}) {
      std::vector<std::atomic<int>> seen(items);
      std::vector<std::size_t> worker(items, 99);
      pool.run(items, [&](std::size_t wk, std::size_t i) {
        seen[i].fetch_add(1);
        worker[i] = wk;
      });
      for (std::size_t i = 0; i < items; ++i) {
        BOOST_TEST(seen[i].load() == 1);
        BOOST_TEST(worker[i] < threads);
      }
    }
    // the exception of the lowest failing item; the pool keeps working
    try {
      pool.run(100, [](std::size_t, std::size_t i) {
        if (i == 37 || i == 80) throw std::runtime_error("item " + std::to_string(i));
      });
      BOOST_ERROR("no exception");
    } catch (const std::runtime_error& e) {
      BOOST_TEST(std::string(e.what()) == "item 37");
    }
    std::atomic<std::size_t> sum{0};
    pool.run(10, [&](std::size_t, std::size_t i) { sum += i; });
    BOOST_TEST(sum.load() == 45u);
  }
}

BOOST_AUTO_TEST_CASE(aligned_buffers) {
  descent::detail::aligned_buffer a(5), e;
  BOOST_TEST(reinterpret_cast<std::uintptr_t>(a.data()) % 64 == 0u);
  a.data()[4] = 2.5;
  const descent::detail::aligned_buffer copy = a;
  BOOST_TEST(copy.size() == 5u);
  BOOST_TEST(copy.data()[4] == 2.5);
  BOOST_TEST(reinterpret_cast<std::uintptr_t>(copy.data()) % 64 == 0u);
  e.resize(3);
  BOOST_TEST(e.data()[2] == 0.0);
}
