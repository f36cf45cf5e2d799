// descent/train/loss_history_csv.hpp: write the loss history of a run to a CSV file.
//
//   descent::minimize(f, x, opt, stop, descent::loss_history_csv{"loss.csv"});
// Columns: iteration,loss,grad_norm,evaluations,seconds; one row for the starting point and
// one per iteration (numbers with 17 significant digits: they read back exactly).  With
// .append = true (resuming from a checkpoint) rows are added to an existing file and the
// starting row, already written by the first run, is skipped.
#ifndef DESCENT_TRAIN_LOSS_HISTORY_CSV_HPP
#define DESCENT_TRAIN_LOSS_HISTORY_CSV_HPP

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

#include <descent/train/result.hpp>

namespace descent {

namespace detail {
struct file_closer {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
}  // namespace detail

struct loss_history_csv {
  std::string path;
  bool append = false;

  // Loop state (not an option): the open file.
  std::unique_ptr<std::FILE, detail::file_closer> file{};

  template <class T>
  void on_begin(const iteration_state<T>& s) {
    file.reset(std::fopen(path.c_str(), append ? "a" : "w"));
    if (!file)
      throw std::runtime_error("descent::loss_history_csv: cannot open '" + path +
                               "' for writing: " + std::strerror(errno));
    if (append) std::fseek(file.get(), 0, SEEK_END);
    if (!append || std::ftell(file.get()) == 0) {
      std::fputs("iteration,loss,grad_norm,evaluations,seconds\n", file.get());
      row(s);
    }
  }

  template <class T>
  void on_iteration(const iteration_state<T>& s) {
    if (file) row(s);
  }

  template <class T>
  void on_end(const minimize_result<T>&) {
    if (!file) return;
    const bool bad = std::ferror(file.get()) != 0;
    const bool close_failed = std::fclose(file.release()) != 0;
    if (bad || close_failed)
      throw std::runtime_error("descent::loss_history_csv: writing '" + path + "' failed");
  }

 private:
  template <class T>
  void row(const iteration_state<T>& s) {
    std::fprintf(file.get(), "%zu,%.17g,%.17g,%zu,%.6f\n", s.iteration,
                 static_cast<double>(s.loss), static_cast<double>(s.grad_norm), s.evaluations,
                 s.seconds);
  }
};

}  // namespace descent

#endif  // DESCENT_TRAIN_LOSS_HISTORY_CSV_HPP
