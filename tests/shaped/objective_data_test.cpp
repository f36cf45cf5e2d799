// Objectives over data: sums over samples with parameter terms and their exact Hessian, eval of
// vector expressions, parameters as vectors and arrays, and runtime errors naming what and where.
#include "objective_support.hpp"

using namespace descent::literals;
using namespace objective_support;

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
