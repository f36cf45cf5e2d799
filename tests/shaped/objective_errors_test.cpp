// Objectives over data: runtime errors naming what and where (sizes of bindings, rows of data,
// labels out of range, the parameter vector, rows of a mini-batch, no data)
// (tests/shaped/objective_support.hpp).
#include "objective_support.hpp"

using namespace objective_support;

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
