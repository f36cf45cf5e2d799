// The workload harness: every benchmark row is registered as `<workload>/<implementation>`
// with a factory that builds a kernel (its data, its state) and the kernel's result (value
// and gradient, or whatever the workload computes).  Before anything is timed, each row's
// result is compared with the `handwritten` row of its workload (else `handwritten_simd`,
// else `descent` where nothing is hand-written, as for W8's L-BFGS run);
// the max relative error is printed, and a row whose error exceeds its tolerance is not
// registered with Google Benchmark, so a wrong gradient is never timed.
//
// The program (harness.cpp) has modes besides the plain Google Benchmark run:
//   --smoke              check every row and run each kernel once; time nothing (CI)
//   --callgrind=NAME     run NAME's kernel --steps=K times between callgrind toggles
//   --export=DIR         write each workload's inputs and reference result for torch_rows.py
// Rows of one workload interleave when run with --benchmark_enable_random_interleaving=true.
#ifndef DESCENT_BENCH_HARNESS_HPP
#define DESCENT_BENCH_HARNESS_HPP

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <new>
#include <span>
#include <string>
#include <vector>

namespace bench {

struct kernel {
  std::function<void()> step;                    // the timed work: one evaluation
  std::function<std::vector<double>()> result;   // what step computed, checked against the reference
  std::function<std::map<std::string, double>()> counters = {};  // extra figures for the report
};

using factory = std::function<kernel()>;

struct row_options {
  double tolerance = 1e-9;  // max relative error accepted against the reference row
  bool wall_time = false;   // time by the wall clock (rows that run on several threads)
};

void add_row(std::string workload, std::string implementation, factory make, row_options = {});

// A row that is not built, with the reason (printed by the program before the checks).
void add_skipped(std::string name, std::string why);

// Writes what an out-of-process row (torch) needs: called with the directory.
void add_export(std::string workload, std::function<void(const std::string& dir)> write);

// Raw little-endian float64 file (numpy/torch read it with frombuffer).
void write_doubles(const std::string& path, const std::vector<double>& values);

// Registers at static-initialisation time: `static bench::registrar r{"W1", "handwritten", make};`
struct registrar {
  registrar(std::string workload, std::string implementation, factory make, row_options o = {}) {
    add_row(std::move(workload), std::move(implementation), std::move(make), o);
  }
};

// Value-and-gradient workloads: step() evaluates f(x) and its gradient at the fixed point x;
// the result is (f, grad_1, ..., grad_n).
using value_grad_fn = std::function<double(std::span<const double> x, std::span<double> g)>;
// Storage on 64-byte boundaries (a cache line, one AVX-512 vector), so that every row of a
// workload reads x and writes g at the same alignment: with malloc's 16-byte alignment the
// offset of a vector in its cache line changed from one row (and one run) to the next, and so
// did the number of loads and stores split across cache lines (W1 moved 343 -> 400 ns
// between two runs of the same binary).
template <class T>
struct line_aligned {
  using value_type = T;
  static constexpr std::align_val_t alignment{64};
  line_aligned() = default;
  template <class U> line_aligned(const line_aligned<U>&) noexcept {}
  T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), alignment)); }
  void deallocate(T* p, std::size_t) noexcept { ::operator delete(p, alignment); }
  template <class U> bool operator==(const line_aligned<U>&) const noexcept { return true; }
};
using aligned_doubles = std::vector<double, line_aligned<double>>;

inline kernel value_grad_kernel(const std::vector<double>& x, value_grad_fn f) {
  struct state {
    aligned_doubles x, g;
    double value = 0;
  };
  auto s = std::make_shared<state>(state{aligned_doubles(x.begin(), x.end()), aligned_doubles(x.size()), 0.0});
  return {[s, f] { s->value = f(s->x, s->g); },
          [s] {
            std::vector<double> r{s->value};
            r.insert(r.end(), s->g.begin(), s->g.end());
            return r;
          }};
}

// Max over i of |a_i - r_i| / max(|r_i|, 1e-6 * max_j |r_j|): element-wise relative error,
// except that entries a million times smaller than the largest are measured against it.
double max_relative_error(const std::vector<double>& a, const std::vector<double>& r);

}  // namespace bench

#endif
