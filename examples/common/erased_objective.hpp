// examples/common/erased_objective.hpp: a shaped objective behind std::function, so that
// an example can build its objective (the template-heavy part: the generated gradient and
// Hessian-vector products) in one translation unit and train in another; each then compiles
// in a few seconds, and the two build in parallel.
#ifndef DESCENT_EXAMPLES_COMMON_ERASED_OBJECTIVE_HPP
#define DESCENT_EXAMPLES_COMMON_ERASED_OBJECTIVE_HPP

#include <cstddef>
#include <functional>
#include <memory>
#include <span>

namespace example {

struct erased_objective {
  std::size_t dimension = 0;
  std::function<double(std::span<const double>, std::span<double>)> value_and_gradient;
  std::function<double(std::span<const double>)> value_only;
  std::function<void(std::span<const double>, std::span<double>)> hessian_fn;
  std::function<erased_objective(std::span<const std::size_t>)> on_rows;

  double operator()(std::span<const double> x, std::span<double> g) const { return value_and_gradient(x, g); }
  double value(std::span<const double> x) const { return value_only(x); }
  void hessian(std::span<const double> x, std::span<double> h) const { hessian_fn(x, h); }
  erased_objective on(std::span<const std::size_t> rows) const { return on_rows(rows); }
};

// Wraps an objective with operator(), value and on(rows) (descent::make_objective's); with
// Hessian = true also its hessian(x, h) (instantiating the Hessian-vector code costs compile
// time: only for Newton).
template <bool Hessian = false, class Obj>
erased_objective erase(const Obj& obj) {
  const auto p = std::make_shared<Obj>(obj);
  erased_objective e;
  e.dimension = Obj::dimension;
  e.value_and_gradient = [p](std::span<const double> x, std::span<double> g) { return (*p)(x, g); };
  e.value_only = [p](std::span<const double> x) { return p->value(x); };
  if constexpr (Hessian) e.hessian_fn = [p](std::span<const double> x, std::span<double> h) { p->hessian(x, h); };
  e.on_rows = [p](std::span<const std::size_t> rows) { return erase<Hessian>(p->on(rows)); };
  return e;
}

}  // namespace example

#endif
