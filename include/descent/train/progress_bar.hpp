// descent/train/progress_bar.hpp: a one-line progress display for descent::minimize.
//
//   descent::minimize(f, x, opt, stop, descent::progress_bar{.total = 1000});
// Shows iteration, loss, |g| and iterations per second (and a bar with a percentage when
// `total`, the expected last iteration, is given), redrawn at most every refresh_seconds,
// then the stop message.  It works the same for every method (first-order and line-search
// alike), because it only watches the one loop.  Quiet when the stream is not a terminal or
// the environment has CI=true (or CI=1), unless when == always.
#ifndef DESCENT_TRAIN_PROGRESS_BAR_HPP
#define DESCENT_TRAIN_PROGRESS_BAR_HPP

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <descent/train/result.hpp>

#if __has_include(<unistd.h>)
#include <unistd.h>
#define DESCENT_TRAIN_HAVE_ISATTY 1
#else
#define DESCENT_TRAIN_HAVE_ISATTY 0
#endif

namespace descent {

struct progress_bar {
  enum class show { automatic, always, never };

  std::size_t total = 0;          ///< expected last iteration: draws a bar; 0 = unknown
  double refresh_seconds = 0.1;   ///< redraw at most this often (always at the end)
  show when = show::automatic;    ///< automatic: only on a terminal and not under CI
  std::FILE* stream = nullptr;    ///< nullptr: stderr
  std::size_t width = 30;         ///< bar width in characters

  // Loop state (not options).
  bool active = false;
  double drawn_at = -1;
  std::size_t first_iteration = 0;

  /// True when `when == automatic` would draw on `f`: a terminal, and CI is not set.
  static bool should_draw(std::FILE* f) {
    if (const char* ci = std::getenv("CI")) {
      const std::string_view v(ci);
      if (v == "true" || v == "TRUE" || v == "True" || v == "1") return false;
    }
#if DESCENT_TRAIN_HAVE_ISATTY
    return ::isatty(::fileno(f)) != 0;
#else
    (void)f;
    return false;
#endif
  }

  template <class T>
  void on_begin(const iteration_state<T>& s) {
    std::FILE* f = out();
    active = when == show::always || (when == show::automatic && should_draw(f));
    first_iteration = s.iteration;
    drawn_at = -1;
    if (active) draw(s.iteration, static_cast<double>(s.loss), static_cast<double>(s.grad_norm),
                     s.seconds);
  }

  template <class T>
  void on_iteration(const iteration_state<T>& s) {
    if (!active || s.seconds - drawn_at < refresh_seconds) return;
    draw(s.iteration, static_cast<double>(s.loss), static_cast<double>(s.grad_norm), s.seconds);
  }

  template <class T>
  void on_end(const minimize_result<T>& r) {
    if (!active) return;
    draw(r.iterations, static_cast<double>(r.loss), static_cast<double>(r.grad_norm), r.seconds);
    std::fprintf(out(), "\n  %s\n", r.message.c_str());
    std::fflush(out());
  }

 private:
  std::FILE* out() const { return stream != nullptr ? stream : stderr; }

  void draw(std::size_t it, double loss, double gnorm, double seconds) {
    drawn_at = seconds;
    std::string line = "\r";
    if (total > 0) {
      const double frac = it >= total ? 1.0 : static_cast<double>(it) / static_cast<double>(total);
      const auto filled = static_cast<std::size_t>(frac * static_cast<double>(width));
      line += '[';
      line.append(filled, '#');
      line.append(width - filled, '-');
      char pct[16];
      std::snprintf(pct, sizeof pct, "] %3d%% ", static_cast<int>(frac * 100.0));
      line += pct;
    }
    const double done = static_cast<double>(it - first_iteration);
    const double rate = seconds > 0 ? done / seconds : 0.0;
    char buf[160];
    std::snprintf(buf, sizeof buf, "iter %zu | loss %.6e | |g| %.3e | %.3g it/s", it, loss, gnorm,
                  rate);
    line += buf;
    line += "\x1b[K";  // clear the rest of the line
    std::fputs(line.c_str(), out());
    std::fflush(out());
  }
};

}  // namespace descent

#endif  // DESCENT_TRAIN_PROGRESS_BAR_HPP
