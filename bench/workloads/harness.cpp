// main() of bench_workloads: checks every row, then runs Google Benchmark (or one of the
// modes described in harness.hpp).
#include "harness.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string_view>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_TOGGLE_COLLECT
#endif

namespace bench {
namespace {

struct row {
  std::string workload, implementation;
  factory make;
  row_options options;
  std::string name() const { return workload + "/" + implementation; }
};

std::vector<row>& rows() {
  static std::vector<row> r;
  return r;
}
std::map<std::string, std::function<void(const std::string&)>>& exports() {
  static std::map<std::string, std::function<void(const std::string&)>> e;
  return e;
}

std::vector<std::pair<std::string, std::string>>& skipped() {
  static std::vector<std::pair<std::string, std::string>> s;
  return s;
}

const row* reference_of(const std::string& workload) {
  for (const char* impl : {"handwritten", "handwritten_simd", "descent"})
    for (const auto& r : rows())
      if (r.workload == workload && r.implementation == impl) return &r;
  return nullptr;
}

std::vector<double> run_once(const row& r) {
  kernel k = r.make();
  k.step();
  return k.result();
}

}  // namespace

void add_row(std::string workload, std::string implementation, factory make, row_options o) {
  rows().push_back({std::move(workload), std::move(implementation), std::move(make), o});
}

void add_skipped(std::string name, std::string why) { skipped().emplace_back(std::move(name), std::move(why)); }

void add_export(std::string workload, std::function<void(const std::string&)> write) {
  exports()[std::move(workload)] = std::move(write);
}

void write_doubles(const std::string& path, const std::vector<double>& values) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("bench: cannot write " + path);
  out.write(reinterpret_cast<const char*>(values.data()),
            static_cast<std::streamsize>(values.size() * sizeof(double)));
}

double max_relative_error(const std::vector<double>& a, const std::vector<double>& r) {
  if (a.size() != r.size()) return INFINITY;
  double largest = 0;
  for (double v : r) largest = std::max(largest, std::abs(v));
  double worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double err = std::abs(a[i] - r[i]) / std::max({std::abs(r[i]), 1e-6 * largest, 1e-300});
    if (!(err <= worst)) worst = std::isnan(err) ? INFINITY : err;
  }
  return worst;
}

}  // namespace bench

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Checks every row against its workload's reference; returns the rows that passed, with
// their errors.  Prints one line per row.
std::vector<std::pair<const bench::row*, double>> check_all(bool run_reference_rows_too) {
  std::vector<std::pair<const bench::row*, double>> passed;
  std::map<std::string, std::vector<double>> reference;
  for (const auto& r : bench::rows()) {
    const bench::row* ref = bench::reference_of(r.workload);
    if (!ref) {
      std::printf("check %-34s no hand-written reference row: not timed\n", r.name().c_str());
      continue;
    }
    if (!reference.count(r.workload)) reference[r.workload] = bench::run_once(*ref);
    std::vector<double> got;
    try {
      got = (&r == ref && !run_reference_rows_too) ? reference[r.workload] : bench::run_once(r);
    } catch (const std::exception& e) {
      std::printf("check %-34s FAILED: %s: not timed\n", r.name().c_str(), e.what());
      continue;
    }
    const double err = bench::max_relative_error(got, reference[r.workload]);
    const bool ok = err <= r.options.tolerance;
    std::printf("check %-34s max relative error %.2e vs %s (%zu values)%s\n", r.name().c_str(), err,
                ref->implementation.c_str(), got.size(), ok ? "" : "  WRONG: not timed");
    if (ok) passed.emplace_back(&r, err);
  }
  std::fflush(stdout);
  return passed;
}

}  // namespace

int main(int argc, char** argv) {
  bool smoke = false;
  std::string callgrind, export_dir;
  long steps = 10;
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--smoke") smoke = true;
    else if (starts_with(a, "--callgrind=")) callgrind = std::string(a.substr(12));
    else if (starts_with(a, "--steps=")) steps = std::stol(std::string(a.substr(8)));
    else if (starts_with(a, "--export=")) export_dir = std::string(a.substr(9));
    else rest.push_back(argv[i]);
  }
#ifdef DESCENT_BENCH_MISSING
  if (std::strlen(DESCENT_BENCH_MISSING) && callgrind.empty())
    std::printf("peers not found at build time, their rows skipped: %s\n", DESCENT_BENCH_MISSING);
#endif
  if (callgrind.empty())
    for (const auto& [name, why] : bench::skipped()) std::printf("skip  %-34s %s\n", name.c_str(), why.c_str());

  if (!callgrind.empty()) {
    for (const auto& r : bench::rows()) {
      if (r.name() != callgrind) continue;
      bench::kernel k = r.make();
      k.step();  // warm: first-touch page faults and lazy initialisation are not counted
      CALLGRIND_TOGGLE_COLLECT;
      for (long s = 0; s < steps; ++s) k.step();
      CALLGRIND_TOGGLE_COLLECT;
      std::printf("%s: %ld steps collected\n", callgrind.c_str(), steps);
      return 0;
    }
    std::fprintf(stderr, "bench_workloads: no row named %s\n", callgrind.c_str());
    return 2;
  }

  if (!export_dir.empty()) {
    for (const auto& [workload, write] : bench::exports()) {
      write(export_dir);
      if (const bench::row* ref = bench::reference_of(workload))
        bench::write_doubles(export_dir + "/" + workload + ".reference.bin", bench::run_once(*ref));
    }
    return 0;
  }

  const auto passed = check_all(smoke);
  const bool all_ok = passed.size() == bench::rows().size();
  if (smoke) {
    std::printf("smoke: %zu of %zu rows ran once with the right result (nothing timed)\n",
                passed.size(), bench::rows().size());
    return all_ok ? 0 : 1;
  }

  for (const auto& [r, err] : passed) {
    const bench::row* rp = r;
    const double e = err;
    auto* registered = benchmark::RegisterBenchmark(r->name().c_str(), [rp, e](benchmark::State& st) {
      bench::kernel k = rp->make();
      k.step();  // warm
      for (auto _ : st) {
        k.step();
        benchmark::ClobberMemory();
      }
      st.counters["max_rel_err"] = e;
      if (k.counters)
        for (const auto& [name, value] : k.counters()) st.counters[name] = value;
    });
    if (r->options.wall_time) registered->UseRealTime();
  }
  int bargc = static_cast<int>(rest.size());
  benchmark::Initialize(&bargc, rest.data());
  if (benchmark::ReportUnrecognizedArguments(bargc, rest.data())) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return all_ok ? 0 : 1;
}
