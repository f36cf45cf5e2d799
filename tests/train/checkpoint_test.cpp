// Checkpoints: save/load, atomic writes, readable errors, and bit-identical resumption.
#include <boost/test/unit_test.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <descent/train/checkpoint.hpp>
#include <descent/train/loss_history_csv.hpp>
#include <descent/train/minimize.hpp>

#include "support.hpp"

using namespace train_test;

namespace {

template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
}

std::string path_of(const char* name) { return (scratch_dir() / name).string(); }

std::size_t temporaries_left() {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(scratch_dir()))
    n += e.path().filename().string().find(".tmp.") != std::string::npos;
  return n;
}

template <class E>
std::string message_of(E&& run) {
  try {
    run();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(no error)";
}

// An optimizer whose serialize fails half-way (stands in for a crash while saving).
struct failing_opt {
  std::vector<double> v{1.0, 2.0};
  template <class T>
  void step(std::span<T>, std::span<const T>) {}
  template <class A>
  void serialize(A& ar) {
    ar("failing.v", v);
    throw std::runtime_error("disk on fire");
  }
};

struct second_moment_opt {  // state named like a chain block's second moment
  std::vector<double> sq{0.25, 1.0};
  template <class T>
  void step(std::span<T>, std::span<const T>) {}
  template <class A>
  void serialize(A& ar) {
    ar("1.exp_avg_sq", sq);
  }
};

// The pid of a process that has exited (and been reaped): no process has it now.
long dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return static_cast<long>(child);
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

// The text with its checksum line replaced by a plain `end` (a file edited on purpose).
std::string unsealed(std::string text) {
  const auto last = text.rfind('\n', text.size() - 2);
  return text.substr(0, last + 1) + "end\n";
}

struct other_opt {  // a different optimizer: different state
  std::vector<double> m{};
  template <class T>
  void step(std::span<T>, std::span<const T>) {}
  template <class A>
  void serialize(A& ar) {
    ar("other.m", m);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(train_checkpoint)

BOOST_AUTO_TEST_CASE(save_and_load_round_trip) {
  const auto path = path_of("roundtrip.ckpt");
  std::vector<double> x{-1.2, 1.0};
  momentum_opt opt;
  descent::minimize(rosenbrock{}, x, opt, descent::max_iterations{17});
  descent::save_checkpoint(path, x, opt, 17);
  BOOST_TEST(temporaries_left() == 0u);

  std::vector<double> y{0.0, 0.0};
  momentum_opt fresh;
  const std::size_t it = descent::load_checkpoint(path, y, fresh);
  BOOST_TEST(it == 17u);
  BOOST_TEST(same_bits(x, y));
  BOOST_TEST(same_bits(opt.v, fresh.v));
  BOOST_TEST(fresh.t == 17u);
  // The file is text: fields by name.
  const std::string text = read_file(path);
  BOOST_TEST(text.find("descent-checkpoint 2\niteration u64 17\nparams vf64 2 ") == 0u);
  BOOST_TEST(text.find("\nfirst_order.steps u64 0\nmomentum.v vf64 2 ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(resumed_run_is_bit_identical) {
  const auto path = path_of("resume.ckpt");
  const std::vector<double> start{-1.2, 1.0};
  // Uninterrupted: 200 iterations.
  std::vector<double> a = start;
  momentum_opt oa;
  const auto ra = descent::minimize(rosenbrock{}, a, oa, descent::max_iterations{200});
  // Interrupted: checkpoints every 40 iterations; the process "dies" at iteration 90, so the
  // last checkpoint is the one of iteration 80.
  std::vector<double> b = start;
  momentum_opt ob;
  descent::minimize(rosenbrock{}, b, ob, descent::max_iterations{90},
                    descent::checkpoint{path, 40, false});
  // A new process: fresh optimizer and garbage parameters, restored from the file.
  std::vector<double> c{123.0, 456.0};
  momentum_opt oc;
  const std::size_t it = descent::load_checkpoint(path, c, oc);
  BOOST_TEST(it == 80u);
  const auto rc = descent::minimize(rosenbrock{}, c, oc, descent::max_iterations{200},
                                    descent::minimize_options{.start_iteration = it});
  BOOST_TEST(rc.iterations == 200u);
  BOOST_TEST(same_bits(a, c));
  BOOST_TEST(same_bits(oa.v, oc.v));
  BOOST_TEST(oa.t == oc.t);
  BOOST_TEST(std::memcmp(&ra.loss, &rc.loss, sizeof ra.loss) == 0);
  // The test can fail: the same parameters with a fresh optimizer (state lost) diverge.
  std::vector<double> d(2);
  momentum_opt od, lost;
  descent::load_checkpoint(path, d, od);
  descent::minimize(rosenbrock{}, d, lost, descent::max_iterations{200},
                    descent::minimize_options{.start_iteration = it});
  BOOST_TEST(!same_bits(a, d));
}

BOOST_AUTO_TEST_CASE(resumed_float_run_with_a_line_search_method_is_bit_identical) {
  const auto path = path_of("resume_float.ckpt");
  std::vector<float> a{-1.2f, 1.0f};
  std::vector<float> b = a;
  backtracking_gd ma, mb, mc;
  descent::minimize(rosenbrock{}, a, ma, descent::max_iterations{60});
  descent::minimize(rosenbrock{}, b, mb, descent::max_iterations{25}, descent::checkpoint{path, 5});
  std::vector<float> c(2);
  const auto it = descent::load_checkpoint(path, c, mc);
  BOOST_TEST(it == 25u);
  descent::minimize(rosenbrock{}, c, mc, descent::max_iterations{60},
                    descent::minimize_options{.start_iteration = it});
  BOOST_TEST(same_bits(a, c));
}

BOOST_AUTO_TEST_CASE(checkpoint_callback_keeps_the_last_good_file_on_divergence) {
  const auto path = path_of("diverge.ckpt");
  std::vector<double> x{1.0, 1.0};
  plain_gd gd{.lr = 10.0};  // diverges after ~120 iterations
  const auto r = descent::minimize(
      quadratic{}, x, gd, descent::max_iterations{100'000}, descent::checkpoint{path, 50},
      descent::minimize_options{.on_divergence = descent::divergence_action::report});
  BOOST_TEST(r.reason == descent::stop_reason::diverged);
  std::vector<double> y(2);
  const auto it = descent::load_checkpoint(path, y, gd);
  BOOST_TEST(it == 100u);  // the one written every 50 iterations, not the diverged end
  BOOST_TEST(std::isfinite(y[0]));
}

BOOST_AUTO_TEST_CASE(a_failed_save_leaves_the_old_checkpoint_intact) {
  const auto path = path_of("atomic.ckpt");
  std::vector<double> x{1.0, 2.0};
  momentum_opt opt;
  descent::save_checkpoint(path, x, opt, 5);
  const std::string before = read_file(path);
  failing_opt bad;
  BOOST_CHECK_THROW(descent::save_checkpoint(path, x, bad, 6), std::runtime_error);
  BOOST_TEST(read_file(path) == before);
  BOOST_TEST(temporaries_left() == 0u);
  // Saving into a directory that does not exist names the file.
  const auto msg = message_of([&] { descent::save_checkpoint("/nonexistent-dir/x.ckpt", x, opt, 1); });
  BOOST_TEST(msg.find("descent::save_checkpoint: '/nonexistent-dir/x.ckpt.tmp.") == 0u, msg);
}

BOOST_AUTO_TEST_CASE(missing_truncated_and_mismatched_files) {
  const auto path = path_of("errors.ckpt");
  std::vector<double> x{1.0, 2.0};
  momentum_opt opt;
  descent::minimize(quadratic{}, x, opt, descent::max_iterations{3});
  descent::save_checkpoint(path, x, opt, 3);

  std::vector<double> y{7.0, 8.0};
  momentum_opt o2;
  const auto missing = path_of("nope.ckpt");
  BOOST_TEST(message_of([&] { descent::load_checkpoint(missing, y, o2); }) ==
             "descent::load_checkpoint: '" + missing + "': cannot open it: No such file or directory");

  // Different optimizer: the field names differ.  Nothing is changed.
  other_opt other;
  BOOST_TEST(message_of([&] { descent::load_checkpoint(path, y, other); }) ==
             "descent::load_checkpoint: '" + path +
                 "', line 5: expected field 'other.m' but found 'momentum.v' (a checkpoint of a "
                 "different optimizer or method?)");
  BOOST_TEST(y[0] == 7.0);

  // Different parameter count and type.
  std::vector<double> three(3);
  BOOST_TEST(message_of([&] { descent::load_checkpoint(path, three, o2); }) ==
             "descent::load_checkpoint: '" + path +
                 "': field 'params' holds 2 values but params has 3 elements");
  std::vector<float> floats(2);
  BOOST_TEST(message_of([&] { descent::load_checkpoint(path, floats, o2); }) ==
             "descent::load_checkpoint: '" + path +
                 "', line 3: field 'params' holds a vector<double> but the program reads a "
                 "vector<float>");

  // Truncated: the last field is cut; params and state stay as they were.
  const std::string text = read_file(path);
  const auto cut = path_of("cut.ckpt");
  {
    std::ofstream out(cut, std::ios::binary);
    out << text.substr(0, text.find("momentum.t"));
  }
  const auto msg = message_of([&] { descent::load_checkpoint(cut, y, o2); });
  BOOST_TEST(msg == "descent::load_checkpoint: '" + cut +
                        "', line 6: truncated: the file ends where field 'momentum.t' was expected");
  BOOST_TEST(y[0] == 7.0);
  BOOST_TEST(o2.v.empty());
  BOOST_TEST(o2.t == 0u);
}

BOOST_AUTO_TEST_CASE(stale_temporaries_of_dead_processes_are_removed_on_the_next_write) {
  const auto path = path_of("stale.ckpt");
  std::vector<double> x{1.0, 2.0};
  momentum_opt opt;
  // Left behind by processes killed mid-write (kill -9), by a live process (writing right
  // now: kept), and by a dead process writing another checkpoint (another name: kept).
  const long gone1 = dead_pid(), gone2 = dead_pid();
  const auto stale1 = path + ".tmp." + std::to_string(gone1);
  const auto stale2 = path + ".tmp." + std::to_string(gone2);
  const auto live = path + ".tmp." + std::to_string(static_cast<long>(::getppid()));
  const auto other = path_of("other.ckpt") + ".tmp." + std::to_string(gone1);
  const auto not_a_pid = path + ".tmp.backup";
  for (const auto& f : {stale1, stale2, live, other, not_a_pid}) write_text(f, "partial");
  descent::save_checkpoint(path, x, opt, 1);
  BOOST_TEST(!std::filesystem::exists(stale1));
  BOOST_TEST(!std::filesystem::exists(stale2));
  BOOST_TEST(std::filesystem::exists(live));
  BOOST_TEST(std::filesystem::exists(other));
  BOOST_TEST(std::filesystem::exists(not_a_pid));
  BOOST_TEST(std::filesystem::exists(path));
  for (const auto& f : {live, other, not_a_pid}) std::filesystem::remove(f);
  BOOST_TEST(temporaries_left() == 0u);
}

BOOST_AUTO_TEST_CASE(corrupted_edited_and_invalid_files_are_rejected_before_anything_changes) {
  const auto path = path_of("checked.ckpt");
  std::vector<double> x{1.0, 2.0};
  momentum_opt opt;
  descent::minimize(quadratic{}, x, opt, descent::max_iterations{3});
  descent::save_checkpoint(path, x, opt, 3);
  const std::string text = read_file(path);
  std::vector<double> y{7.0, 8.0};
  momentum_opt o2;

  // A flipped digit: the checksum.
  std::string flipped = text;
  const auto digit = flipped.find_first_of("123456789", flipped.find("momentum.v vf64 2 ") + 18);
  flipped[digit] = flipped[digit] == '9' ? '8' : static_cast<char>(flipped[digit] + 1);
  write_text(path, flipped);
  const auto msg = message_of([&] { descent::load_checkpoint(path, y, o2); });
  BOOST_TEST(msg.find("descent::load_checkpoint: '" + path + "': checksum mismatch: the file is corrupted") == 0u, msg);
  BOOST_TEST(y[0] == 7.0);
  BOOST_TEST(o2.v.empty());

  // Edited on purpose (checksum removed) with a decimal value: loads exactly.
  std::string edited = unsealed(text);
  const auto p = edited.find("params vf64 2 ");
  edited.replace(p, edited.find('\n', p) - p, "params vf64 2 0.5 -1e-3");
  write_text(path, edited);
  BOOST_TEST(descent::load_checkpoint(path, y, o2) == 3u);
  BOOST_TEST(y[0] == 0.5);
  BOOST_TEST(y[1] == -1e-3);

  // NaN parameters: rejected with line and field, nothing changed.
  std::string nan_params = edited;
  nan_params.replace(nan_params.find("0.5 -1e-3"), 9, "nan 1");
  write_text(path, nan_params);
  std::vector<double> z{7.0, 8.0};
  momentum_opt o3;
  BOOST_TEST(message_of([&] { descent::load_checkpoint(path, z, o3); }) ==
             "descent::load_checkpoint: '" + path +
                 "', line 3: field 'params' value 0 is NaN: parameters and parameter-sized state "
                 "must be finite (saved from a run that had diverged, or corrupted)");
  BOOST_TEST(z[0] == 7.0);
  BOOST_TEST(o3.v.empty());

  // A negative second moment.
  second_moment_opt sq;
  descent::save_checkpoint(path, x, sq, 1);
  std::string negative = unsealed(read_file(path));
  negative.replace(negative.find("1.exp_avg_sq vf64 2 1p-2"), 24, "1.exp_avg_sq vf64 2 -1p-2");
  write_text(path, negative);
  second_moment_opt sq2{.sq = {5.0, 5.0}};
  BOOST_TEST(message_of([&] { descent::load_checkpoint(path, z, sq2); }) ==
             "descent::load_checkpoint: '" + path +
                 "', line 5: field '1.exp_avg_sq' value 0 is -0.25, but it holds magnitudes (a "
                 "second moment or a step size) and cannot be negative");
  BOOST_TEST(sq2.sq[0] == 5.0);
  BOOST_TEST(z[0] == 7.0);
}

BOOST_AUTO_TEST_CASE(first_order_forwards_serialize_and_counts_steps) {
  const auto path = path_of("wrapper.ckpt");
  std::vector<double> x{1.0, 1.0};
  momentum_opt opt;
  auto m = descent::first_order(opt);
  descent::minimize(quadratic{}, x, m, descent::max_iterations{9});
  descent::save_checkpoint(path, x, m, 9);
  BOOST_TEST(read_file(path).find("\nfirst_order.steps u64 9\nmomentum.v ") != std::string::npos);
  momentum_opt o2;
  descent::first_order<momentum_opt&> m2{o2};
  std::vector<double> y(2);
  descent::load_checkpoint(path, y, m2);
  BOOST_TEST(m2.steps() == 9u);
  BOOST_TEST(o2.t == 9u);
  // A raw optimizer reads the same file (it goes through first_order too).
  momentum_opt o3;
  descent::load_checkpoint(path, y, o3);
  BOOST_TEST(same_bits(o3.v, opt.v));
}

BOOST_AUTO_TEST_SUITE_END()
