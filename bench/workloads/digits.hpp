// W8's digits MLP: data (bench/data/digits.csv.gz, features / 16), the network
// 64 -> 32 tanh -> 10 with softmax cross-entropy, its deterministic initial parameters, and
// the epoch: mini-batches of 32 in file order (the last one 5 samples), Adam lr 1e-3.
// Flat parameter layout (torch's nn.Linear order): W1 32x64 row-major, b1 32, W2 10x32, b2 10.
#ifndef DESCENT_BENCH_DIGITS_HPP
#define DESCENT_BENCH_DIGITS_HPP

#include <zlib.h>

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "vector_tanh.hpp"
#include "problems.hpp"

namespace bench {

inline constexpr std::size_t digits_in = 64, digits_hidden = 32, digits_classes = 10, digits_batch = 32;
inline constexpr std::size_t digits_params =
    digits_hidden * digits_in + digits_hidden + digits_classes * digits_hidden + digits_classes;

struct digits_data {
  std::size_t n = 0;
  std::vector<double> X;  // n x 64, row-major, scaled to [0, 1]
  std::vector<int> y;
};

inline const digits_data& digits() {
  static const digits_data d = [] {
    const std::string path = DESCENT_SOURCE_DIR "/bench/data/digits.csv.gz";
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) throw std::runtime_error("bench: cannot open " + path);
    digits_data r;
    char line[1024];
    while (gzgets(f, line, sizeof line)) {
      char* s = line;
      for (std::size_t j = 0; j <= digits_in; ++j) {
        char* end = nullptr;
        const long v = std::strtol(s, &end, 10);
        if (end == s) throw std::runtime_error(path + ":" + std::to_string(r.n + 1) + ": expected 65 integers");
        if (j < digits_in) r.X.push_back(static_cast<double>(v) / 16);
        else r.y.push_back(static_cast<int>(v));
        s = end + (*end == ',');
      }
      ++r.n;
    }
    gzclose(f);
    return r;
  }();
  return d;
}

// U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for every weight and bias, like torch's default.
inline std::vector<double> digits_initial_parameters() {
  std::vector<double> p;
  splitmix g{8};
  const double a1 = 1 / std::sqrt(double(digits_in)), a2 = 1 / std::sqrt(double(digits_hidden));
  for (std::size_t i = 0; i < digits_hidden * digits_in + digits_hidden; ++i) p.push_back(g.uniform(-a1, a1));
  for (std::size_t i = 0; i < digits_classes * digits_hidden + digits_classes; ++i) p.push_back(g.uniform(-a2, a2));
  return p;
}

using digits_row_major = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
inline constexpr std::size_t digits_o_b1 = digits_hidden * digits_in, digits_o_w2 = digits_o_b1 + digits_hidden,
                             digits_o_b2 = digits_o_w2 + digits_classes * digits_hidden;

// The hand-written (Eigen) mean cross-entropy of one batch and its gradient (same layout as p).
inline double batch_gradient(const std::vector<double>& p, std::size_t first, std::size_t count, std::vector<double>& g) {
  const auto& d = digits();
  const Eigen::Index B = static_cast<Eigen::Index>(count), I = digits_in, Hn = digits_hidden, C = digits_classes;
  Eigen::Map<const digits_row_major> X(d.X.data() + first * digits_in, B, I);
  Eigen::Map<const digits_row_major> W1(p.data(), Hn, I), W2(p.data() + digits_o_w2, C, Hn);
  Eigen::Map<const Eigen::RowVectorXd> b1(p.data() + digits_o_b1, Hn), b2(p.data() + digits_o_b2, C);
  thread_local digits_row_major H, P, dH;
  H.noalias() = X * W1.transpose();
  H.rowwise() += b1;
  tanh_in_place(H.data(), static_cast<std::size_t>(H.size()));  // vector_tanh.hpp: libmvec
  P.noalias() = H * W2.transpose();
  P.rowwise() += b2;
  double loss = 0;
  for (Eigen::Index i = 0; i < B; ++i) {  // softmax rows, stable; P becomes (softmax - onehot) / B
    const double mx = P.row(i).maxCoeff();
    P.row(i) = (P.row(i).array() - mx).exp();
    const double sum = P.row(i).sum();
    const int label = d.y[first + static_cast<std::size_t>(i)];
    loss += std::log(sum) - (std::log(P(i, label)));
    P.row(i) /= sum;
    P(i, label) -= 1;
  }
  P /= static_cast<double>(B);
  Eigen::Map<digits_row_major>(g.data() + digits_o_w2, C, Hn).noalias() = P.transpose() * H;
  Eigen::Map<Eigen::RowVectorXd>(g.data() + digits_o_b2, C) = P.colwise().sum();
  dH.noalias() = P * W2;
  dH.array() *= 1 - H.array().square();
  Eigen::Map<digits_row_major>(g.data(), Hn, I).noalias() = dH.transpose() * X;
  Eigen::Map<Eigen::RowVectorXd>(g.data() + digits_o_b1, Hn) = dH.colwise().sum();
  return loss / static_cast<double>(B);
}

}  // namespace bench

#endif
