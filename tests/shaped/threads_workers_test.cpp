// Sums over samples on threads: an error inside a worker reaches the caller, as it does without
// threads (tests/shaped/threads_support.hpp); and the worker pool (every item once, the exception
// of the lowest failing item) and 64-byte aligned buffers themselves.
#include <descent/shaped.hpp>
#include <descent/shaped/detail/workers.hpp>
#include <descent/shaped/objective.hpp>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "threads_support.hpp"

using namespace threads_support;

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
