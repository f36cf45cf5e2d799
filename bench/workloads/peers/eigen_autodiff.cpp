// Eigen's AutoDiffScalar (unsupported/Eigen/AutoDiff, forward mode over a fixed-size
// derivative vector): W1-W4.
#include <Eigen/Core>
#include <unsupported/Eigen/AutoDiff>

#include "forward_rows.hpp"

namespace {

struct eigen_ops {
  template <int N> using ad = Eigen::AutoDiffScalar<Eigen::Matrix<double, N, 1>>;
  template <int N> static ad<N> seed(double v, int k) { return ad<N>(v, N, k); }
  template <int N> static double value(const ad<N>& a) { return a.value(); }
  template <int N> static double d(const ad<N>& a, int k) { return a.derivatives()(k); }
};

const bool registered = (bench::peers::register_forward_rows<eigen_ops>("eigen_autodiff"), true);

}  // namespace
