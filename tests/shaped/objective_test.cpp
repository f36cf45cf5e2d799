// Objectives over data: means over samples with per-sample vectors, scalars and labels, in
// blocks (sizes that are not multiples of the block), on subsets of rows, and their errors.
#include <descent/shaped.hpp>
#include <descent/shaped/context.hpp>
#include <descent/shaped/evaluate.hpp>
#include <descent/shaped/objective.hpp>
#include <descent/shaped/symbol.hpp>

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "fd_support.hpp"

using namespace descent::literals;

namespace {
constexpr descent::vec<"w", 4> w;
constexpr descent::var<"b"> b;
constexpr descent::vec<"x", 4> x;
constexpr descent::var<"y"> y;
constexpr descent::var<"label"> label;
constexpr descent::mat<"W", 3, 4> W;
constexpr descent::vec<"c", 3> c;

struct data_set {
  descent::data::matrix<double> X;
  std::vector<double> Y;
  std::vector<int> labels;
  explicit data_set(std::size_t n) : X(n, 4), Y(n), labels(n) {
    const auto v = fd::random_vector(n * 4, 5, -2, 2);
    std::copy(v.begin(), v.end(), X.values.begin());
    for (std::size_t i = 0; i < n; ++i) { Y[i] = (i * 7 % 3 == 0) ? 1.0 : 0.0; labels[i] = static_cast<int>(i * 5 % 3); }
  }
};

// The logistic loss by hand: mean softplus(-(2y - 1)(w.x + b)) + lambda |w|^2.
double logistic_by_hand(const data_set& d, const std::vector<double>& p, std::span<const std::size_t> rows, double lambda) {
  double total = 0;
  const std::size_t n = rows.empty() ? d.Y.size() : rows.size();
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = rows.empty() ? k : rows[k];
    double z = p[4];
    for (std::size_t j = 0; j < 4; ++j) z += p[j] * d.X(i, j);
    const double m = -(2 * d.Y[i] - 1) * z;
    total += std::max(m, 0.0) + std::log1p(std::exp(-std::abs(m)));
  }
  return total / static_cast<double>(n) + lambda * (p[0] * p[0] + p[1] * p[1] + p[2] * p[2] + p[3] * p[3]);
}
}  // namespace

BOOST_AUTO_TEST_CASE(logistic_regression_mean_over_blocks) {
  constexpr auto loss = softplus(-(2_c * y - 1_c) * (dot(w, x) + b));
  for (std::size_t n : {1u, 63u, 64u, 65u, 130u, 1000u}) {
    const data_set d(n);
    const auto obj = descent::make_objective(descent::mean_over_samples(loss) + 1e-3 * sq_norm(w),
                                             descent::wrt(w, b), x = d.X, y = d.Y);
    BOOST_TEST(obj.dimension == 5u);
    BOOST_TEST(obj.samples() == n);
    const auto p = fd::random_vector(5, static_cast<unsigned>(n));
    BOOST_TEST(obj.value(std::span<const double>(p)) == logistic_by_hand(d, p, {}, 1e-3), boost::test_tools::tolerance(1e-13));
    BOOST_TEST(fd::gradient_error(obj, p) < 1e-7);
    BOOST_TEST(fd::hvp_error(obj, p, fd::random_vector(5, 3)) < 1e-6);
  }
}

BOOST_AUTO_TEST_CASE(subsets_of_rows_are_mini_batches) {
  constexpr auto loss = softplus(-(2_c * y - 1_c) * (dot(w, x) + b));
  const data_set d(200);
  const auto obj = descent::make_objective(descent::mean_over_samples(loss), descent::wrt(w, b), x = d.X, y = d.Y);
  const std::vector<std::size_t> rows{199, 3, 3, 150, 7, 64, 65, 0};
  const auto batch = obj.on(rows);
  BOOST_TEST(batch.samples() == rows.size());
  const auto p = fd::random_vector(5, 11);
  BOOST_TEST(batch.value(std::span<const double>(p)) == logistic_by_hand(d, p, rows, 0.0), boost::test_tools::tolerance(1e-13));
  BOOST_TEST(fd::gradient_error(batch, p) < 1e-7);
  // the full objective is unchanged
  BOOST_TEST(obj.value(std::span<const double>(p)) == logistic_by_hand(d, p, {}, 0.0), boost::test_tools::tolerance(1e-13));
  // a batch of all rows in order is the full objective, bit for bit
  std::vector<std::size_t> all(200);
  std::iota(all.begin(), all.end(), 0);
  std::vector<double> g1(5), g2(5);
  const double f1 = obj(std::span<const double>(p), std::span<double>(g1));
  const double f2 = obj.on(all)(std::span<const double>(p), std::span<double>(g2));
  BOOST_TEST(f1 == f2);
  for (int i = 0; i < 5; ++i) BOOST_TEST(g1[i] == g2[i]);
}

BOOST_AUTO_TEST_CASE(softmax_regression_with_labels) {
  const data_set d(150);
  constexpr auto logits = W * x + c;
  constexpr auto ce = logsumexp(logits) - logits[label];
  const auto obj = descent::make_objective(descent::mean_over_samples(ce), descent::wrt(W, c), x = d.X, label = d.labels);
  BOOST_TEST(obj.dimension == 15u);
  const auto p = fd::random_vector(15, 21);
  double total = 0;
  for (std::size_t i = 0; i < 150; ++i) {
    double z[3], m = -1e300;
    for (int r = 0; r < 3; ++r) {
      z[r] = p[12 + r];
      for (int j = 0; j < 4; ++j) z[r] += p[r * 4 + j] * d.X(i, j);
      m = std::max(m, z[r]);
    }
    total += m + std::log(std::exp(z[0] - m) + std::exp(z[1] - m) + std::exp(z[2] - m)) - z[d.labels[i]];
  }
  BOOST_TEST(obj.value(std::span<const double>(p)) == total / 150, boost::test_tools::tolerance(1e-13));
  BOOST_TEST(fd::gradient_error(obj, p) < 1e-7);
  BOOST_TEST(fd::hvp_error(obj, p, fd::random_vector(15, 4)) < 1e-6);
}

BOOST_AUTO_TEST_CASE(sum_over_samples_and_parameter_terms) {
  const data_set d(70);
  const auto sum_obj = descent::make_objective(descent::sum_over_samples(sq(dot(w, x) + b - y)) + sq_norm(w),
                                               descent::wrt(w, b), x = d.X, y = d.Y);
  const auto p = fd::random_vector(5, 31);
  double total = 0;
  for (std::size_t i = 0; i < 70; ++i) {
    double z = p[4] - d.Y[i];
    for (int j = 0; j < 4; ++j) z += p[j] * d.X(i, j);
    total += z * z;
  }
  total += p[0] * p[0] + p[1] * p[1] + p[2] * p[2] + p[3] * p[3];
  BOOST_TEST(sum_obj.value(std::span<const double>(p)) == total, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(fd::gradient_error(sum_obj, p) < 1e-7);
  // exact Hessian: 2 X^T X (+ 2 I on w), from Hessian-vector products
  std::vector<double> h(25);
  sum_obj.hessian(std::span<const double>(p), std::span<double>(h));
  for (int r = 0; r < 5; ++r)
    for (int s = 0; s < 5; ++s) {
      double e = 0;
      for (std::size_t i = 0; i < 70; ++i) e += 2 * (r < 4 ? d.X(i, r) : 1.0) * (s < 4 ? d.X(i, s) : 1.0);
      if (r == s && r < 4) e += 2;
      BOOST_TEST(h[r * 5 + s] == e, boost::test_tools::tolerance(1e-12));
    }
}

BOOST_AUTO_TEST_CASE(eval_of_vector_expressions) {
  const std::array<double, 4> wv{1, 2, 3, 4};
  const std::vector<double> xv{0.5, -1, 2, 0};
  BOOST_TEST(descent::eval(dot(w, x), w = wv, x = xv) == 0.5 - 2 + 6);
  const Eigen::VectorXd s = descent::eval(softmax(w), w = wv);
  BOOST_TEST(s.sum() == 1.0, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(s(3) == std::exp(4.0) / (std::exp(1.0) + std::exp(2.0) + std::exp(3.0) + std::exp(4.0)), boost::test_tools::tolerance(1e-15));
  // per-sample results: one row per sample
  const data_set d(5);
  const Eigen::VectorXd z = descent::eval(dot(w, x), w = wv, x = d.X);
  BOOST_TEST(z.size() == 5);
  BOOST_TEST(z(2) == d.X(2, 0) + 2 * d.X(2, 1) + 3 * d.X(2, 2) + 4 * d.X(2, 3), boost::test_tools::tolerance(1e-15));
  // Eigen bindings
  Eigen::Matrix<double, 3, 4> A;
  A.setRandom();
  const Eigen::Vector4d xe(1, 0, 0, 2);
  const Eigen::VectorXd Ax = descent::eval(W * x, W = A, x = xe);
  for (int r = 0; r < 3; ++r) BOOST_TEST(Ax(r) == A(r, 0) + 2 * A(r, 3), boost::test_tools::tolerance(1e-15));
}

namespace {
template <class F>
std::string message_of(F f) {
  try { f(); } catch (const std::exception& e) { return e.what(); }
  return "no exception";
}
}  // namespace

BOOST_AUTO_TEST_CASE(runtime_errors_name_what_and_where) {
  const std::vector<double> three{1, 2, 3};
  BOOST_TEST(message_of([&] { (void)(w = three); }) ==
             "descent::vec<\"w\", 4>: expects 4 numbers per value, was given 3");
  descent::data::matrix<double> X5(10, 5);
  BOOST_TEST(message_of([&] { (void)(x = X5); }) ==
             "descent::vec<\"x\", 4>: expects 4 numbers per value, was given 5 columns");
  const data_set d(10);
  const std::vector<double> short_y(9, 0.0);
  constexpr auto loss = sq(dot(w, x) - y);
  BOOST_TEST(message_of([&] {
               (void)descent::make_objective(descent::mean_over_samples(loss), descent::wrt(w), x = d.X, y = short_y);
             }) == "descent: the data bound to 'x' has 10 rows (samples) but the data bound to 'y' has 9");
  std::vector<int> bad = d.labels;
  bad[4] = 3;
  constexpr auto ce = logsumexp(W * x) - (W * x)[label];
  const auto obj = descent::make_objective(descent::mean_over_samples(ce), descent::wrt(W), x = d.X, label = bad);
  std::vector<double> p(12, 0.1), g(12);
  BOOST_TEST(message_of([&] { (void)obj(std::span<const double>(p), std::span<double>(g)); }) ==
             "descent: label 'label' = 3 is out of range for a vector of 3 entries");
  bad[4] = -1;
  const auto obj2 = descent::make_objective(descent::mean_over_samples(ce), descent::wrt(W), x = d.X, label = bad);
  BOOST_TEST(message_of([&] { (void)obj2(std::span<const double>(p), std::span<double>(g)); }) ==
             "descent: label 'label' of row 4 is negative (-1)");
  const auto lr = descent::make_objective(descent::mean_over_samples(loss), descent::wrt(w), x = d.X, y = d.Y);
  std::vector<double> p3(3);
  BOOST_TEST(message_of([&] { (void)lr.value(std::span<const double>(p3)); }) ==
             "descent::make_objective: the parameter vector has 3 entries, the wrt(...) symbols have 4");
  const std::vector<std::size_t> rows{3, 10};
  BOOST_TEST(message_of([&] { (void)lr.on(rows); }) == "descent::make_objective(...).on(rows): row 10 of 10");
  descent::data::matrix<double> empty(0, 4);
  const std::vector<double> no_y;
  BOOST_TEST(message_of([&] {
               (void)descent::make_objective(descent::mean_over_samples(loss), descent::wrt(w), x = empty, y = no_y);
             }) == "descent::make_objective: the data has no rows (samples)");
}

BOOST_AUTO_TEST_CASE(vectors_and_arrays_pass_as_parameters) {
  const data_set d(10);
  constexpr auto loss = sq(dot(w, x) - y);
  const auto obj = descent::make_objective(descent::mean_over_samples(loss), descent::wrt(w), x = d.X, y = d.Y);
  std::vector<double> p(4, 0.25), g(4);
  std::array<double, 4> pa{0.25, 0.25, 0.25, 0.25}, ga{};
  const double f = obj(p, g);
  BOOST_TEST(f == obj.value(p));
  BOOST_TEST(obj(pa, ga) == f);
  for (int i = 0; i < 4; ++i) BOOST_TEST(ga[i] == g[i]);
  std::vector<double> h(16), hv(4);
  obj.hessian(p, h);
  obj.hessian_vector(p, g, hv);
  BOOST_TEST(std::isfinite(h[5]));
}
