// examples/common/plot.hpp: writes PNG plots with gnuplot when it is installed.
//
// The examples write their data (.dat) and a gnuplot script (.gp) into an output folder (the
// first command-line argument, default "."), then run gnuplot if `gnuplot` is on the PATH.
// Without it they say how to get the plots: install gnuplot (Debian: apt-get install
// gnuplot-nox) and run `gnuplot NAME.gp` in that folder.
#ifndef DESCENT_EXAMPLES_COMMON_PLOT_HPP
#define DESCENT_EXAMPLES_COMMON_PLOT_HPP

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace example {

inline bool have_gnuplot() { return std::system("command -v gnuplot >/dev/null 2>&1") == 0; }

// Writes folder/name.gp (the script, which writes folder/name.png) and runs it when gnuplot
// is installed.  Returns true when the PNG was written.
inline bool plot(const std::string& folder, const std::string& name, const std::string& script) {
  const std::string gp = folder + "/" + name + ".gp", png = folder + "/" + name + ".png";
  {
    std::ofstream out(gp);
    out << "set terminal pngcairo size 640,400 font 'sans,10'\n"
        << "set output '" << png << "'\n"
        << script;
  }
  if (!have_gnuplot()) {
    std::printf("plot: gnuplot not found; to get %s install gnuplot (apt-get install gnuplot-nox) and run: gnuplot %s\n",
                png.c_str(), gp.c_str());
    return false;
  }
  const std::string cmd = "gnuplot '" + gp + "'";
  if (std::system(cmd.c_str()) != 0) {
    std::printf("plot: gnuplot failed on %s\n", gp.c_str());
    return false;
  }
  std::printf("plot: wrote %s\n", png.c_str());
  return true;
}

// Columns of numbers, one row per line, into folder/name.dat.
inline std::string write_columns(const std::string& folder, const std::string& name,
                                 const std::vector<std::vector<double>>& columns) {
  const std::string path = folder + "/" + name + ".dat";
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::exit(1);
  }
  const std::size_t n = columns.empty() ? 0 : columns[0].size();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t c = 0; c < columns.size(); ++c) std::fprintf(f, c ? " %.17g" : "%.17g", columns[c][i]);
    std::fputc('\n', f);
  }
  std::fclose(f);
  return path;
}

}  // namespace example

#endif
