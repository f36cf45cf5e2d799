// Ceres' Jet (forward mode, fixed number of derivatives; ceres/jet.h, header-only): W1-W4.
#include <ceres/jet.h>

#include "forward_rows.hpp"

namespace {

struct jet_ops {
  template <int N> using ad = ceres::Jet<double, N>;
  template <int N> static ad<N> seed(double v, int k) { return ad<N>(v, k); }
  template <int N> static double value(const ad<N>& a) { return a.a; }
  template <int N> static double d(const ad<N>& a, int k) { return a.v[k]; }
};

const bool registered = (bench::peers::register_forward_rows<jet_ops>("ceres_jet"), true);

}  // namespace
