// Every named optimizer's iterates against torch.optim (float64), on Rosenbrock from
// (-1.2, 1) and on an ill-conditioned quadratic (condition number ~100), 200 steps each.
// Data: data/reference/torch/*.csv from scripts/reference/torch_optim.py (torch 1.13).
//
// Every iterate must match to 1e-10 relative (max(|x|, 1) as the scale).  Where a run is
// chaotic (horizons.csv: a 1e-15 nudge of the start point moves the trajectory by more
// than 1e-10 at some step; only RMSProp on Rosenbrock here), one-ulp rounding differences
// grow the same way, so the comparison stops at that step.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <descent/optim/named.hpp>

namespace o = descent::optim;

namespace {

struct reference {
  std::string config;                  // the comment line's configuration
  std::vector<std::vector<double>> x;  // x[k] = {x0, x1} after k steps
};

reference read_reference(const std::string& name, const std::string& problem) {
  const std::string path = "data/reference/torch/" + name + "_" + problem + ".csv";
  std::ifstream in(path);
  BOOST_TEST_REQUIRE(in.good(), "cannot open " << path);
  reference r;
  std::string line;
  std::getline(in, line);  // "# torch <version> <name>: <config>"
  r.config = line.substr(line.find(": ") + 2);
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string cell;
    std::vector<double> v;
    std::getline(row, cell, ',');  // step
    while (std::getline(row, cell, ',')) v.push_back(std::strtod(cell.c_str(), nullptr));
    r.x.push_back({v[0], v[1]});
  }
  return r;
}

std::size_t horizon(const std::string& name, const std::string& problem) {
  std::ifstream in("data/reference/torch/horizons.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string n, p, h;
    std::getline(row, n, ',');
    std::getline(row, p, ',');
    std::getline(row, h, ',');
    if (n == name && p == problem) return std::stoul(h);
  }
  BOOST_FAIL("no horizon for " << name << " " << problem);
  return 0;
}

// The same formulas, in the same order, as the Python script.
void gradient(const std::string& problem, const std::vector<double>& x, std::vector<double>& g) {
  const double a = x[0], b = x[1];
  if (problem == "rosenbrock") {
    g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
    g[1] = 200 * (b - a * a);
  } else {
    const double d0 = a - 1.0, d1 = b - (-1.0);
    g[0] = 50.0 * d0 + 7.0 * d1;
    g[1] = 7.0 * d0 + 1.5 * d1;
  }
}

template <class Opt>
void compare(const std::string& name, const std::string& problem, const std::string& config,
             Opt opt) {
  const reference ref = read_reference(name, problem);
  BOOST_TEST(ref.config == config, name << " " << problem << ": the data were made with \""
                                        << ref.config << "\", the test uses \"" << config << "\"");
  const std::size_t h = horizon(name, problem);
  std::vector<double> x = ref.x[0], g(2);
  std::size_t compared = 0;
  double worst = 0;
  for (std::size_t k = 1; k < ref.x.size() && k < h; ++k) {
    gradient(problem, x, g);
    opt.step(x, g);
    for (int i = 0; i < 2; ++i) {
      const double err = std::abs(x[i] - ref.x[k][i]) / std::max(std::abs(ref.x[k][i]), 1.0);
      worst = std::max(worst, err);
      BOOST_TEST_REQUIRE(err <= 1e-10, name << " " << problem << " step " << k << " x" << i
                                            << " = " << x[i] << ", torch " << ref.x[k][i]);
    }
    ++compared;
  }
  BOOST_TEST_MESSAGE(name << " " << problem << ": " << compared << " steps, worst relative "
                          << worst);
  BOOST_TEST(compared >= 150u);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(torch_reference)

BOOST_AUTO_TEST_CASE(sgd_family) {
  compare("sgd", "rosenbrock", "lr=0.0005,weight_decay=0.01",
          o::sgd({.learning_rate = 5e-4, .weight_decay = 0.01}));
  compare("sgd", "quadratic", "lr=0.02,weight_decay=0.01",
          o::sgd({.learning_rate = 2e-2, .weight_decay = 0.01}));
  compare("momentum", "rosenbrock", "lr=0.0002,momentum=0.9,dampening=0.1",
          o::momentum({.learning_rate = 2e-4, .momentum = 0.9, .dampening = 0.1}));
  compare("momentum", "quadratic", "lr=0.005,momentum=0.9,dampening=0.1",
          o::momentum({.learning_rate = 5e-3, .momentum = 0.9, .dampening = 0.1}));
  compare("nesterov", "rosenbrock", "lr=0.0002,momentum=0.9,nesterov",
          o::nesterov({.learning_rate = 2e-4, .momentum = 0.9}));
  compare("nesterov", "quadratic", "lr=0.005,momentum=0.9,nesterov",
          o::nesterov({.learning_rate = 5e-3, .momentum = 0.9}));
}

BOOST_AUTO_TEST_CASE(adaptive) {
  for (const std::string p : {"rosenbrock", "quadratic"}) {
    compare("adagrad", p, "lr=0.5,lr_decay=0.01,weight_decay=0.001,initial_accumulator_value=0.1",
            o::adagrad({.learning_rate = 0.5, .lr_decay = 0.01, .weight_decay = 0.001,
                        .initial_accumulator_value = 0.1}));
    compare("rmsprop", p, "lr=0.001,alpha=0.9,momentum=0.5,centered",
            o::rmsprop({.learning_rate = 1e-3, .alpha = 0.9, .momentum = 0.5, .centered = true}));
    compare("adadelta", p, "lr=1,rho=0.9,eps=1e-06,weight_decay=0.01",
            o::adadelta({.learning_rate = 1.0, .rho = 0.9, .eps = 1e-6, .weight_decay = 0.01}));
    compare("rprop", p, "lr=0.01,etas=0.5/1.2,step_sizes=1e-06/50",
            o::rprop({.learning_rate = 0.01, .eta_minus = 0.5, .eta_plus = 1.2,
                      .step_size_min = 1e-6, .step_size_max = 50}));
  }
}

BOOST_AUTO_TEST_CASE(adam_family) {
  for (const std::string p : {"rosenbrock", "quadratic"}) {
    compare("adam", p, "lr=0.01,beta2=0.99,weight_decay=0.001",
            o::adam({.learning_rate = 0.01, .beta2 = 0.99, .weight_decay = 0.001}));
    compare("adamw", p, "lr=0.01,weight_decay=0.1",
            o::adamw({.learning_rate = 0.01, .weight_decay = 0.1}));
    compare("amsgrad", p, "lr=0.01", o::amsgrad({.learning_rate = 0.01}));
    compare("nadam", p, "lr=0.01,weight_decay=0.001,momentum_decay=0.004",
            o::nadam({.learning_rate = 0.01, .weight_decay = 0.001, .momentum_decay = 4e-3}));
    const double radam_lr = p == "rosenbrock" ? 1e-3 : 1e-2;
    compare("radam", p, p == "rosenbrock" ? "lr=0.001,weight_decay=0.001" : "lr=0.01,weight_decay=0.001",
            o::radam({.learning_rate = radam_lr, .weight_decay = 0.001}));
    compare("adamax", p, "lr=0.02,weight_decay=0.001",
            o::adamax({.learning_rate = 0.02, .weight_decay = 0.001}));
    compare("lion", p, "lr=0.001,beta1=0.9,beta2=0.99,weight_decay=0.1",
            o::lion({.learning_rate = 1e-3, .beta1 = 0.9, .beta2 = 0.99, .weight_decay = 0.1}));
  }
}

BOOST_AUTO_TEST_SUITE_END()
