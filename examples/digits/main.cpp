// Handwritten digits (8x8 images, 10 classes): an MLP 64 -> 32 -> 10 (tanh) trained with Adam
// on mini-batches of 32, through descent::minimize with a progress bar that counts batches.
// Prints a derivative of the loss, the per-epoch training loss and test accuracy, and writes
// digits_loss.png and digits_accuracy.png (gnuplot) into the folder given as argument (".").
// The model and its objective are in objective.cpp (net.hpp: descent::models::mlp).
//
//   ./digits [output-folder]
#include <descent/data.hpp>
#include <descent/data/pipeline.hpp>
#include <descent/models/metrics.hpp>
#include <descent/optim/named.hpp>
#include <descent/train/batched.hpp>
#include <descent/train/minimize.hpp>
#include <descent/train/progress_bar.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "../common/plot.hpp"
#include "model.hpp"

int main(int argc, char** argv) {
  const std::string out = argc > 1 ? argv[1] : ".";
  auto all = descent::data::read_csv("data/digits.csv.gz", {.classes = 10});
  auto split = descent::data::train_test_split(all, 0.25, 42);
  descent::data::standardize(split);
  std::printf("digits: %zu training and %zu test images of 64 pixels, 10 classes\n", split.train.size(),
              split.test.size());

  // The model is an expression: its gradient is generated (and printable) at compile time.
  std::printf("loss = %s\n", digits::loss_text().c_str());
  std::printf("d loss / d W2 = %s\n", digits::gradient_text().c_str());

  const auto obj = digits::objective(split.train.features, split.train.labels);
  std::vector<double> p = digits::initial_parameters(1);
  descent::data::batches batches(split.train.size(), descent::data::mini_batches(32, 7));
  auto adam = descent::optim::adam({.learning_rate = 3e-3});
  constexpr std::size_t epochs = 20;

  std::vector<double> epoch_axis, train_loss, test_acc;
  const auto test_accuracy = [&](std::span<const double> q) {
    return descent::models::accuracy(digits::classify(q, split.test.features), split.test.labels);
  };
  auto report = descent::on_epoch(batches, [&](std::size_t e, const auto& s) {
    epoch_axis.push_back(static_cast<double>(e));
    train_loss.push_back(obj.value(s.x));
    test_acc.push_back(test_accuracy(s.x));
    if (e % 5 == 0)
      std::printf("epoch %2zu: training loss %.4f, test accuracy %.4f\n", e, train_loss.back(), test_acc.back());
  });
  auto f = descent::batched(obj, batches);
  const auto r = descent::minimize(f, p, adam, descent::epochs(epochs, batches),
                                   descent::progress_bar{.total = epochs * batches.batches_per_epoch()}, report);
  std::printf("%zu epochs of %zu mini-batches (%zu Adam steps) in %.2f s\n", epochs, batches.batches_per_epoch(),
              r.iterations, r.seconds);

  example::write_columns(out, "digits_curves", {epoch_axis, train_loss, test_acc});
  example::plot(out, "digits_loss",
                "set xlabel 'epoch'; set ylabel 'training loss (mean cross-entropy + L2)'; set logscale y; set grid\n"
                "plot '" + out + "/digits_curves.dat' using 1:2 with linespoints title 'MLP 64-32-10, Adam, batches of 32'\n");
  example::plot(out, "digits_accuracy",
                "set xlabel 'epoch'; set ylabel 'test accuracy'; set grid; set yrange [0.8:1]\n"
                "plot '" + out + "/digits_curves.dat' using 1:3 with linespoints title 'held-out 25%'\n");
  std::printf("test_accuracy: %.4f\n", test_accuracy(p));
}
