// libFuzzer target: descent::checkpoint_reader, what load_checkpoint runs on a file.  The
// input is the file.  The reader reads a fixed set of fields (those of the seed corpus:
// fuzz/corpus/checkpoint) twice, as load_checkpoint does: a dry run, then for real.  It must
// either accept the file, and then hold exactly what a rewrite of the values reads back, or
// throw std::runtime_error; anything else (another exception, a sanitizer report, a crash) is
// a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <descent/train/archive.hpp>

namespace {

[[noreturn]] void broken(const char* what) {
  std::fprintf(stderr, "checkpoint_fuzz: broken promise: %s\n", what);
  std::abort();
}

struct state {
  std::uint64_t iteration = 0;
  std::vector<double> params;
  std::uint64_t t = 0;
  double rate = 0;
  std::vector<double> exp_avg_sq;
  std::vector<float> f32;
  std::int64_t n = 0;
  int small = 0;
  bool flag = false;
  std::vector<bool> flags;

  template <class A>
  void serialize(A& ar) {
    ar("iteration", iteration);
    ar("params", params);
    ar("1.t", t);
    ar("plateau.rate", rate);
    ar("1.exp_avg_sq", exp_avg_sq);
    ar("f32", f32);
    ar("n", n);
    ar("small", small);
    ar("flag", flag);
    ar("flags", flags);
  }
};

template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

// Bit for bit, except that a NaN's payload is not kept (to_chars writes every NaN as "nan"
// or "-nan"; "nan(123)" edited into a file reads with a payload).
bool same_scalar(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b) && std::signbit(a) == std::signbit(b);
  return std::memcmp(&a, &b, sizeof a) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  state s;
  try {
    for (const bool dry : {true, false}) {
      descent::checkpoint_reader r(text, "fuzz.ckpt", dry);
      s.serialize(r);
      r.finish();
    }
  } catch (const std::runtime_error&) {
    return 0;
  }
  // Accepted: the promises of the reader hold, and writing the values back round-trips.
  for (const double v : s.params)
    if (!std::isfinite(v)) broken("non-finite params accepted");
  for (const double v : s.exp_avg_sq)
    if (!(v >= 0) || !std::isfinite(v)) broken("a negative or non-finite second moment accepted");
  descent::checkpoint_writer w;
  s.serialize(w);
  const std::string again = std::move(w).finish();
  state t;
  try {
    descent::checkpoint_reader r(again, "rewritten.ckpt");
    t.serialize(r);
    r.finish();
  } catch (const std::runtime_error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    broken("a rewritten checkpoint does not load");
  }
  if (t.iteration != s.iteration || !same_bits(t.params, s.params) || t.t != s.t ||
      !same_scalar(t.rate, s.rate) || !same_bits(t.exp_avg_sq, s.exp_avg_sq) ||
      !same_bits(t.f32, s.f32) || t.n != s.n || t.small != s.small || t.flag != s.flag ||
      t.flags != s.flags)
    broken("a rewritten checkpoint reads back different values");
  return 0;
}
