// tests/shaped/threads_support.hpp: the symbols, data set and same-bits checks shared by the
// tests of sums over samples on threads (threads_test.cpp, threads_softmax_test.cpp,
// threads_workers_test.cpp).
#ifndef DESCENT_TESTS_SHAPED_THREADS_SUPPORT_HPP
#define DESCENT_TESTS_SHAPED_THREADS_SUPPORT_HPP

#include <descent/shaped.hpp>
#include <descent/shaped/objective.hpp>

#include <cstring>
#include <span>
#include <vector>

#include "fd_support.hpp"

namespace threads_support {
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

inline bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}
inline bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

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
}  // namespace threads_support

#endif
