// ADOL-C (Debian's libadolc-dev): the function is taped once when the row is built (data
// as constants on the tape), then every step runs ADOL-C's drivers on that tape:
//   W1-W4          zos_forward (value, keeping Taylor values) + fos_reverse (the gradient)
//   W5_d8, W5_f    hos_forward of degree 8 (f^(8) = 8! y_8) / zos_forward, one call per point
//   W6_*           the hessian() driver
// The tape records the branch the stable logistic form takes at the taping point, which is
// the point that is evaluated.  Large tapes stay in memory when .adolcrc (written by
// scripts/bench in the working directory) enlarges the buffers; otherwise ADOL-C spills them
// to files, which is slower but still correct.
#include <adolc/adolc.h>

#include "../w5_points.hpp"
#include "../w6_points.hpp"
#include "../problems.hpp"

namespace {

enum tag : short { t_w1 = 1, t_w2, t_w3, t_w4, t_w5, t_w6 };

// Tapes f(theta) built by body(std::vector<adouble>&) -> adouble.
template <class Body>
void tape(short t, const std::vector<double>& x, Body body) {
  trace_on(t, 1);
  std::vector<adouble> a(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) a[i] <<= x[i];
  adouble f = body(a);
  double out = 0;
  f >>= out;
  trace_off();
}

bench::kernel gradient_kernel(short t, std::vector<double> x) {
  return bench::value_grad_kernel(std::move(x), [t](std::span<const double> xs, std::span<double> g) {
    double y = 0, u = 1;
    zos_forward(t, 1, int(xs.size()), 1, xs.data(), &y);
    fos_reverse(t, 1, int(xs.size()), &u, g.data());
    return y;
  });
}

bench::kernel w1() {
  tape(t_w1, bench::w1().x, [](std::vector<adouble>& v) {
    adouble f = 0;
    for (std::size_t i = 0; i + 1 < v.size(); ++i) f += bench::rosenbrock_term<adouble>(v[i], v[i + 1]);
    return f;
  });
  return gradient_kernel(t_w1, bench::w1().x);
}

template <class Sample>
adouble mean(std::size_t n, Sample s) {
  adouble f = 0;
  for (std::size_t i = 0; i < n; ++i) f += s(i);
  return f / static_cast<double>(n);
}

void tape_w3() {
  const auto& p = bench::w3();
  tape(t_w3, p.theta, [&p](std::vector<adouble>& th) {
    return mean(p.n, [&](std::size_t i) {
      return bench::logreg_sample<adouble>(th, p.X.data() + i * p.d, p.y[i], p.d, bench::logistic_positive(p, i));
    });
  });
}

bench::kernel w2() {
  const auto& p = bench::w2();
  tape(t_w2, p.theta, [&p](std::vector<adouble>& th) {
    return mean(p.n, [&](std::size_t i) { return bench::linreg_sample<adouble>(th, p.X.data() + i * p.d, p.y[i], p.d); });
  });
  return gradient_kernel(t_w2, p.theta);
}

bench::kernel w3() {
  tape_w3();
  return gradient_kernel(t_w3, bench::w3().theta);
}

bench::kernel w4() {
  const auto& p = bench::w4();
  tape(t_w4, p.theta, [&p](std::vector<adouble>& th) {
    return mean(p.n, [&](std::size_t i) { return bench::mlp_sample<adouble>(th, p.X.data() + i * p.d, p.y[i]); });
  });
  return gradient_kernel(t_w4, p.theta);
}

template <bool Eighth>
bench::kernel w5() {
  tape(t_w5, {0.3}, [](std::vector<adouble>& v) { return sin(v[0]) * exp(v[0]) * cos(v[0] * v[0]); });
  struct state {
    std::vector<double> xs = bench::w5_points(), out = std::vector<double>(bench::w5_batch);
    double X[8] = {1, 0, 0, 0, 0, 0, 0, 0}, Y[8] = {};
  };
  auto s = std::make_shared<state>();
  return {[s] {
            double* Xp = s->X;
            double* Yp = s->Y;
            for (std::size_t i = 0; i < s->xs.size(); ++i) {
              double y0 = 0;
              if constexpr (Eighth) {
                hos_forward(t_w5, 1, 1, 8, 0, &s->xs[i], &Xp, &y0, &Yp);
                s->out[i] = s->Y[7] * 40320.0;
              } else {
                zos_forward(t_w5, 1, 1, 0, &s->xs[i], &y0);
                s->out[i] = y0;
              }
            }
          },
          [s] { return s->out; }};
}

bench::kernel w6_rosenbrock() {
  tape(t_w6, {0.5, 0.5}, [](std::vector<adouble>& v) { return bench::rosenbrock_term<adouble>(v[0], v[1]); });
  struct state {
    std::vector<double> ps = bench::w6_points(), out = std::vector<double>(4 * bench::w6_batch);
    double h[2][2] = {};
  };
  auto s = std::make_shared<state>();
  return {[s] {
            double* rows[2] = {s->h[0], s->h[1]};
            for (std::size_t i = 0; i < bench::w6_batch; ++i) {
              hessian(t_w6, 2, &s->ps[2 * i], rows);  // lower triangle
              s->out[4 * i] = s->h[0][0];
              s->out[4 * i + 1] = s->out[4 * i + 2] = s->h[1][0];
              s->out[4 * i + 3] = s->h[1][1];
            }
          },
          [s] { return s->out; }};
}

bench::kernel w6_logistic() {
  tape_w3();
  constexpr std::size_t D = bench::reg_d + 1;
  struct state {
    std::vector<double> theta = bench::w3().theta, h = std::vector<double>(D * D), out = std::vector<double>(D * D);
  };
  auto s = std::make_shared<state>();
  return {[s] {
            double* rows[D];
            for (std::size_t r = 0; r < D; ++r) rows[r] = s->h.data() + r * D;
            hessian(t_w3, int(D), s->theta.data(), rows);
            for (std::size_t r = 0; r < D; ++r)
              for (std::size_t c = 0; c <= r; ++c) s->out[r * D + c] = s->out[c * D + r] = s->h[r * D + c];
          },
          [s] { return s->out; }};
}

const bool registered = [] {
  bench::add_row("W1", "adolc", w1);
  bench::add_row("W2", "adolc", w2);
  bench::add_row("W3", "adolc", w3);
  bench::add_row("W4", "adolc", w4);
  bench::add_row("W5_d8", "adolc", w5<true>);
  bench::add_row("W5_f", "adolc", w5<false>);
  bench::add_row("W6_rosenbrock2", "adolc", w6_rosenbrock);
  bench::add_row("W6_logistic", "adolc", w6_logistic);
  return true;
}();

}  // namespace
