// The classic walk-through: y = 3x + noise (seeded), one linear model fitted three ways with
// the same data pipeline and the same loop (descent::minimize):
//   full-batch gradient descent   data::full_batch()        one step per epoch
//   SGD                           data::sgd(seed)           one step per sample
//   mini-batches of 16            data::mini_batches(16, seed)
// Prints each fitted line and its test MSE; writes linear_regression.png (data and fits) and
// loss.png (the three training-loss curves per epoch) into the folder given as argument.
//
//   ./linear_regression [output-folder]
#include <descent/data/pipeline.hpp>
#include <descent/data/random.hpp>
#include <descent/models/metrics.hpp>
#include <descent/optim/named.hpp>
#include <descent/train/batched.hpp>
#include <descent/train/minimize.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "../common/plot.hpp"
#include "model.hpp"  // the model y = w x + b and its loss (objective.cpp)

namespace {
// n points x in [-1, 1], y = 3x + 0.5 + N(0, 0.3^2), from a seeded stream.
void make_data(std::size_t n, std::uint64_t seed, descent::data::matrix<double>& X, std::vector<double>& y) {
  descent::data::splitmix64 g(seed);
  X = descent::data::matrix<double>(n, 1);
  y.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    X(i, 0) = 2 * descent::data::uniform01(g) - 1;
    y[i] = 3 * X(i, 0) + 0.5 + 0.3 * descent::data::standard_normal_pair(g).first;
  }
}
}  // namespace

int main(int argc, char** argv) {
  const std::string out = argc > 1 ? argv[1] : ".";
  descent::data::matrix<double> X, Xt;
  std::vector<double> y, yt;
  make_data(200, 1, X, y);
  make_data(100, 2, Xt, yt);
  std::printf("y = 3x + 0.5 + noise: 200 training and 100 test points\n");
  std::printf("d loss / d w = %s\n", line::gradient_text().c_str());

  const auto obj = line::objective(X, y);
  struct run {
    const char* name;
    descent::data::batch_options batching;
    double learning_rate;
    std::vector<double> p, curve;
  };
  constexpr std::size_t epochs = 30;
  std::vector<run> runs{{"full-batch GD", descent::data::full_batch(), 0.3, {}, {}},
                        {"SGD", descent::data::sgd(3), 0.01, {}, {}},
                        {"mini-batch", descent::data::mini_batches(16, 3), 0.1, {}, {}}};
  std::string mse_line = "test_mse:";
  for (run& r : runs) {
    descent::data::batches b(X.rows, r.batching);
    r.p.assign(line::dimension, 0.0);
    r.curve.push_back(obj.value(std::span<const double>(r.p)));
    auto gd = descent::optim::sgd({.learning_rate = r.learning_rate});
    auto f = descent::batched(obj, b);
    descent::minimize(f, r.p, gd, descent::epochs(epochs, b),
                      descent::on_epoch(b, [&](std::size_t, const auto& s) { r.curve.push_back(obj.value(s.x)); }));
    const double mse = descent::models::mean_squared_error(line::predict(r.p, Xt), yt);
    std::printf("%-14s %3zu steps per epoch: y = %.3f x + %.3f, training loss %.4f, test MSE %.4f\n", r.name,
                b.batches_per_epoch(), r.p[0], r.p[1], r.curve.back(), mse);
    char buf[64];
    std::snprintf(buf, sizeof buf, " %s %.3f,", r.name, mse);
    mse_line += buf;
  }
  mse_line.pop_back();

  std::vector<double> xs(X.values.begin(), X.values.end()), ep;
  example::write_columns(out, "linear_regression_data", {xs, y});
  for (std::size_t e = 0; e <= epochs; ++e) ep.push_back(static_cast<double>(e));
  example::write_columns(out, "linear_regression_loss", {ep, runs[0].curve, runs[1].curve, runs[2].curve});
  std::string fits;
  for (const run& r : runs)
    fits += ", " + std::to_string(r.p[0]) + " * x + " + std::to_string(r.p[1]) + " with lines lw 2 title '" + r.name + "'";
  example::plot(out, "linear_regression",
                "set xlabel 'x'; set ylabel 'y'; set key top left; set grid\n"
                "plot '" + out + "/linear_regression_data.dat' using 1:2 with points pt 7 ps 0.5 title 'data'" + fits + "\n");
  example::plot(out, "loss",
                "set xlabel 'epoch'; set ylabel 'training loss (MSE)'; set logscale y; set grid\n"
                "plot '" + out + "/linear_regression_loss.dat' using 1:2 with linespoints title 'full-batch GD', "
                "'' using 1:3 with linespoints title 'SGD', '' using 1:4 with linespoints title 'mini-batch (16)'\n");
  std::printf("%s\n", mse_line.c_str());
}
