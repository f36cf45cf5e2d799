// Sacado (Trilinos, Debian's libtrilinos-sacado-dev):
//   W1            Sacado::Rad (reverse mode, operator overloading on a tape rebuilt per call)
//   W2-W4         Sacado::ELRFad::SFad (expression-level reverse forward mode, fixed size),
//                 per sample (forward_rows.hpp); Sacado's fastest mode for these in
//                 DESIGN-NOTES' measurements
//   W5_d8, W5_f   Sacado::Tay::Taylor<double> (univariate Taylor series, degree 8)
//   W6_*          nested forward mode ELRFad::SFad<ELRFad::SFad<double, n>, n>
#include <Sacado_No_Kokkos.hpp>
#include <Sacado_trad.hpp>

#include "../w5_points.hpp"
#include "../w6_points.hpp"
#include "forward_rows.hpp"

namespace {

struct sfad_ops {
  template <int N> using ad = Sacado::ELRFad::SFad<double, N>;
  template <int N> static ad<N> seed(double v, int k) { return ad<N>(N, k, v); }
  template <int N> static double value(const ad<N>& a) { return a.val(); }
  template <int N> static double d(const ad<N>& a, int k) { return a.dx(k); }
};

// ---- W1 with Rad -------------------------------------------------------------------------
using rad = Sacado::Rad::ADvar<double>;

double w1_rad(std::span<const double> x, std::span<double> g) {
  thread_local std::vector<rad> v;
  v.assign(x.begin(), x.end());  // fresh independent variables on a fresh tape
  rad f = 0.0;
  for (std::size_t i = 0; i + 1 < x.size(); ++i) f += bench::rosenbrock_term<rad>(v[i], v[i + 1]);
  rad::Gradcomp();
  for (std::size_t i = 0; i < x.size(); ++i) g[i] = v[i].adj();
  return f.val();
}

// ---- W5: Taylor series of degree 8 --------------------------------------------------------
using taylor = Sacado::Tay::Taylor<double>;

template <bool Eighth>
bench::kernel w5_taylor() {
  auto out = std::make_shared<std::vector<double>>(bench::w5_batch);
  return {[out, xs = bench::w5_points()] {
            for (std::size_t i = 0; i < xs.size(); ++i) {
              taylor x(Eighth ? 8 : 0, xs[i]);
              if constexpr (Eighth) x.fastAccessCoeff(1) = 1;
              const taylor y = sin(x) * exp(x) * cos(x * x);
              (*out)[i] = Eighth ? y.coeff(8) * 40320.0 : y.coeff(0);
            }
          },
          [out] { return *out; }};
}

// ---- W6: nested forward mode ----------------------------------------------------------------
template <int N> using inner = Sacado::ELRFad::SFad<double, N>;
template <int N> using nested = Sacado::ELRFad::SFad<inner<N>, N>;
template <int N> nested<N> seed2(double v, int k) { return nested<N>(N, k, inner<N>(N, k, v)); }

bench::kernel w6_rosenbrock() {
  auto out = std::make_shared<std::vector<double>>(4 * bench::w6_batch);
  return {[out, ps = bench::w6_points()] {
            for (std::size_t i = 0; i < bench::w6_batch; ++i) {
              const nested<2> X = seed2<2>(ps[2 * i], 0), Y = seed2<2>(ps[2 * i + 1], 1);
              const nested<2> a = 1.0 - X, b = Y - X * X;
              const nested<2> f = a * a + 100.0 * b * b;
              for (int r = 0; r < 2; ++r)
                for (int c = 0; c < 2; ++c) (*out)[4 * i + std::size_t(2 * r + c)] = f.dx(r).dx(c);
            }
          },
          [out] { return *out; }};
}

bench::kernel w6_logistic() {
  constexpr int D = int(bench::reg_d) + 1;
  auto out = std::make_shared<std::vector<double>>(D * D);
  return {[out] {
            const auto& p = bench::w3();
            thread_local std::vector<nested<D>> th;
            th.clear();
            for (int k = 0; k < D; ++k) th.push_back(seed2<D>(p.theta[std::size_t(k)], k));
            std::fill(out->begin(), out->end(), 0.0);
            for (std::size_t i = 0; i < p.n; ++i) {
              const nested<D> z = bench::affine<nested<D>>(th, p.X.data() + i * bench::reg_d, bench::reg_d);
              const nested<D> l = bench::logistic_loss(z, p.y[i], z.val().val() > 0);
              for (int r = 0; r < D; ++r)
                for (int c = 0; c < D; ++c) (*out)[std::size_t(r * D + c)] += l.dx(r).dx(c);
            }
            for (auto& v : *out) v /= static_cast<double>(p.n);
          },
          [out] { return *out; }};
}

const bool registered = [] {
  bench::peers::register_forward_rows<sfad_ops>("sacado", false);
  bench::add_row("W1", "sacado", [] { return bench::value_grad_kernel(bench::w1().x, w1_rad); });
  bench::add_row("W5_d8", "sacado", w5_taylor<true>);
  bench::add_row("W5_f", "sacado", w5_taylor<false>);
  bench::add_row("W6_rosenbrock2", "sacado", w6_rosenbrock);
  bench::add_row("W6_logistic", "sacado", w6_logistic);
  return true;
}();

}  // namespace
