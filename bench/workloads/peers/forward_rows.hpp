// Rows W1-W4 for a forward-mode peer (Sacado ELRFad, Ceres Jet, Eigen AutoDiffScalar), written
// once.  Forward mode carries one derivative per parameter, so each row uses the peer the way
// its documentation does for a sum of small terms: one evaluation per term (W1: the 2
// variables of term i, Ceres' residual-block style) or per sample (W2-W4: all 9 or 161
// parameters seeded), with values and derivatives summed in double.
// Ops must provide  template <int N> using ad;  seed<N>(value, k) (derivative k = 1);
// value(a);  d(a, k).
#ifndef DESCENT_BENCH_PEERS_FORWARD_ROWS_HPP
#define DESCENT_BENCH_PEERS_FORWARD_ROWS_HPP

#include <vector>

#include "../problems.hpp"

namespace bench::peers {

template <class Ops>
double w1_forward(std::span<const double> x, std::span<double> g) {
  using ad = typename Ops::template ad<2>;
  double f = 0;
  for (auto& v : g) v = 0;
  for (std::size_t i = 0; i + 1 < x.size(); ++i) {
    const ad t = rosenbrock_term<ad>(Ops::template seed<2>(x[i], 0), Ops::template seed<2>(x[i + 1], 1));
    f += Ops::value(t);
    g[i] += Ops::d(t, 0);
    g[i + 1] += Ops::d(t, 1);
  }
  return f;
}

// Sum over samples of sample(th, i), th the seeded parameters; mean over n.
template <class Ops, int N, class Sample>
double sum_forward(std::span<const double> theta, std::span<double> g, std::size_t n, Sample sample) {
  using ad = typename Ops::template ad<N>;
  thread_local std::vector<ad> th;
  th.clear();
  for (int k = 0; k < N; ++k) th.push_back(Ops::template seed<N>(theta[static_cast<std::size_t>(k)], k));
  double f = 0;
  for (auto& v : g) v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const ad l = sample(th, i);
    f += Ops::value(l);
    for (int k = 0; k < N; ++k) g[static_cast<std::size_t>(k)] += Ops::d(l, k);
  }
  const double inv = 1.0 / static_cast<double>(n);
  for (auto& v : g) v *= inv;
  return f * inv;
}

template <class Ops>
double w2_forward(std::span<const double> theta, std::span<double> g) {
  using ad = typename Ops::template ad<int(reg_d) + 1>;
  const auto& p = w2();
  return sum_forward<Ops, int(reg_d) + 1>(theta, g, p.n, [&p](const std::vector<ad>& th, std::size_t i) {
    return linreg_sample<ad>(th, p.X.data() + i * reg_d, p.y[i], reg_d);
  });
}

template <class Ops>
double w3_forward(std::span<const double> theta, std::span<double> g) {
  using ad = typename Ops::template ad<int(reg_d) + 1>;
  const auto& p = w3();
  return sum_forward<Ops, int(reg_d) + 1>(theta, g, p.n, [&p](const std::vector<ad>& th, std::size_t i) {
    const ad z = affine<ad>(th, p.X.data() + i * reg_d, reg_d);
    return logistic_loss(z, p.y[i], Ops::value(z) > 0);
  });
}

template <class Ops>
double w4_forward(std::span<const double> theta, std::span<double> g) {
  using ad = typename Ops::template ad<int(mlp_params)>;
  const auto& p = w4();
  return sum_forward<Ops, int(mlp_params)>(theta, g, p.n, [&p](const std::vector<ad>& th, std::size_t i) {
    return mlp_sample<ad>(th, p.X.data() + i * mlp_in, p.y[i]);
  });
}

template <class Ops>
void register_forward_rows(const char* implementation, bool with_w1 = true) {
  if (with_w1) add_row("W1", implementation, [] { return value_grad_kernel(w1().x, w1_forward<Ops>); });
  add_row("W2", implementation, [] { return value_grad_kernel(w2().theta, w2_forward<Ops>); });
  add_row("W3", implementation, [] { return value_grad_kernel(w3().theta, w3_forward<Ops>); });
  add_row("W4", implementation, [] { return value_grad_kernel(w4().theta, w4_forward<Ops>); });
}

}  // namespace bench::peers

#endif
