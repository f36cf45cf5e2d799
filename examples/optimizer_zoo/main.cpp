// optimizer_zoo: every named optimizer of descent::optim, plus one composed by hand, on
// the 2-D Rosenbrock function from (-1.2, 1).  Writes each trajectory and loss curve to
// optimizer_zoo/<name>.csv (in the current directory) and, when gnuplot is on PATH, draws
// optimizer_zoo/trajectories.png (paths over the contour plot) and optimizer_zoo/losses.png.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <vector>

#include <descent/optim.hpp>

namespace o = descent::optim;

namespace {

constexpr std::size_t steps = 3000;
const std::filesystem::path out_dir = "optimizer_zoo";

// f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, its gradient written by hand.
double rosenbrock(std::span<const double> x, std::span<double> g) {
  const double a = x[0], b = x[1];
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
}

std::vector<std::string> names;

template <class Optimizer>
void run(const std::string& name, Optimizer opt) {
  std::vector<double> x{-1.2, 1.0}, g(2);
  std::ofstream csv(out_dir / (name + ".csv"));
  csv << "step,x,y,loss\n";
  double loss = 0;
  for (std::size_t k = 0; k <= steps; ++k) {
    loss = rosenbrock(x, g);
    csv << k << ',' << x[0] << ',' << x[1] << ',' << loss << '\n';
    if (k < steps) opt.step(x, g, loss);
  }
  const double dist = std::hypot(x[0] - 1, x[1] - 1);
  std::printf("  %-9s loss %-11.3e |x - (1,1)| %.3e\n", name.c_str(), loss, dist);
  names.push_back(name);
}

void plot() {
  if (std::system("command -v gnuplot > /dev/null 2>&1") != 0) {
    std::printf("gnuplot not found: no plots\n");
    return;
  }
  std::ofstream gp(out_dir / "plot.gp");
  std::string list;
  for (const auto& n : names) list += n + " ";
  gp << "names = '" << list << "'\n"
     << "set datafile separator ','\n"
     << "f(x, y) = (1 - x)**2 + 100 * (y - x**2)**2\n"
     << "set terminal pngcairo size 1000,800\n"
     << "set output '" << (out_dir / "trajectories.png").string() << "'\n"
     << "set title 'Rosenbrock from (-1.2, 1): " << steps << " steps'\n"
     << "set key outside right\n"
     << "set view map; set contour base; set cntrparam levels discrete 0.5, 2, 8, 32, 128, 512\n"
     << "set isosamples 80, 80; set xrange [-2:2]; set yrange [-1:3]; unset clabel\n"
     << "set label 1 'minimum' at 1,1,0 point pt 7 ps 2 offset 1,-1 front\n"
     << "splot f(x, y) nosurface lc 'gray' notitle, \\\n"
     << "      for [n in names] 'optimizer_zoo/'.n.'.csv' using 2:3:(0) every ::1 with lines nocontours title n\n"
     << "unset label 1; unset contour; unset view\n"
     << "set output '" << (out_dir / "losses.png").string() << "'\n"
     << "set title 'loss'; set logscale y; set xrange [*:*]; set yrange [*:*]; set xlabel 'step'\n"
     << "plot for [n in names] 'optimizer_zoo/'.n.'.csv' using 1:4 every ::1 with lines title n\n";
  gp.close();
  const std::string cmd = "gnuplot " + (out_dir / "plot.gp").string() + " 2>&1";
  if (std::system(cmd.c_str()) == 0)
    std::printf("plots: optimizer_zoo/trajectories.png, optimizer_zoo/losses.png\n");
  else
    std::printf("gnuplot failed: see optimizer_zoo/plot.gp\n");
}

}  // namespace

int main() {
  std::filesystem::create_directories(out_dir);
  std::printf("Rosenbrock from (-1.2, 1), %zu steps:\n", steps);
  run("sgd", o::sgd({.learning_rate = 1e-3}));
  run("momentum", o::momentum({.learning_rate = 1e-4, .momentum = 0.9}));
  run("nesterov", o::nesterov({.learning_rate = 1e-4, .momentum = 0.9}));
  run("adagrad", o::adagrad({.learning_rate = 0.5}));
  run("rmsprop", o::rmsprop({.momentum = 0.9}, o::cosine_decay{.init_value = 1e-3, .decay_steps = steps}));
  run("adadelta", o::adadelta({.learning_rate = 1.0}));
  run("adam", o::adam({.learning_rate = 0.02}));
  run("adamw", o::adamw({.learning_rate = 0.02, .weight_decay = 1e-3}));
  run("amsgrad", o::amsgrad({.learning_rate = 0.02}));
  run("nadam", o::nadam({.learning_rate = 0.01}));
  run("radam", o::radam({.learning_rate = 1e-3}));
  run("adamax", o::adamax({.learning_rate = 0.02}));
  run("lion", o::lion({}, o::cosine_decay{.init_value = 3e-3, .decay_steps = steps}));
  run("rprop", o::rprop({.learning_rate = 0.01}));
  // A custom composition: clip the gradient's norm, Adam, warmup then cosine decay, and
  // Lookahead around it all.  Used exactly like the named ones.
  run("custom", o::chain<o::clip_by_global_norm, o::scale_by_adam,
                         o::scale_by_learning_rate<o::linear_warmup<o::cosine_decay>>, o::lookahead>{
                    {.max_norm = 10.0},
                    {.beta2 = 0.99},
                    {{.warmup_steps = 50, .then = {.init_value = 0.05, .decay_steps = steps}}},
                    {.k = 5, .alpha = 0.5}});
  std::printf("optimizer_zoo: %zu runs written to optimizer_zoo/\n", names.size());
  plot();
}
