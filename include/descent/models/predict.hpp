// descent/models/predict.hpp: a model's output on data, for trained parameters.
//
//   Eigen::VectorXd yhat = descent::models::predict(model::prediction, model::params, p, model::x = X_test);
//   std::vector<std::size_t> cls = descent::models::predict_classes(model::logits, model::params, p, model::x = X_test);
//
// predict binds each wrt(...) symbol to its slice of the parameter vector p (the layout of
// make_objective: the symbols one after the other, matrices row-major) and evaluates the
// expression with descent::eval: one row per sample (an Eigen::VectorXd for a scalar output,
// a row-major Eigen matrix for a vector output).  predict_classes: for a scalar logit,
// class 1 where it is > 0; for a vector of scores, the index of the largest (the first one
// on ties).
#ifndef DESCENT_MODELS_PREDICT_HPP
#define DESCENT_MODELS_PREDICT_HPP

#include <array>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <descent/core/error.hpp>
#include <descent/diff/wrt.hpp>
#include <descent/eval/eval.hpp>
#include <descent/shaped/objective.hpp>
#include <descent/shaped/symbol.hpp>

namespace descent::models {

namespace detail {
template <class S>
constexpr std::size_t symbol_size() {
  if constexpr (requires { S::size; }) return S::size;
  else return 1;
}
template <class S>
auto bind_slice(std::span<const double> p, std::size_t off) {
  if constexpr (requires { S::size; }) return S{} = p.subspan(off, S::size);
  else return S{} = p[off];
}
template <class E, class... Ps, std::size_t... I, class... Bs>
auto predict_impl(const E& e, std::span<const double> p, std::index_sequence<I...>, const Bs&... data) {
  constexpr std::array<std::size_t, sizeof...(Ps)> sizes{symbol_size<Ps>()...};
  constexpr auto offsets = [&] {
    std::array<std::size_t, sizeof...(Ps)> o{};
    std::size_t s = 0;
    for (std::size_t k = 0; k < sizeof...(Ps); ++k) { o[k] = s; s += sizes[k]; }
    return o;
  }();
  return descent::eval(e, bind_slice<Ps>(p, offsets[I])..., data...);
}
}  // namespace detail

struct predict_fn {
  template <class E, class... Ps, class... Bs>
  auto operator()(const E& output, wrt_t<Ps...>, std::span<const double> p, const Bs&... data) const {
    constexpr std::size_t n = (detail::symbol_size<Ps>() + ... + 0);
    if (p.size() != n)
      descent::detail::throw_invalid_argument("descent::models::predict: the parameter vector has %zu entries, the wrt(...) symbols have %zu",
                                              p.size(), n);
    return detail::predict_impl<E, Ps...>(output, p, std::index_sequence_for<Ps...>{}, data...);
  }
};
inline constexpr predict_fn predict{};

struct predict_classes_fn {
  template <class E, class... Ps, class... Bs>
  std::vector<std::size_t> operator()(const E& scores, wrt_t<Ps...> w, std::span<const double> p,
                                      const Bs&... data) const {
    const auto s = predict(scores, w, p, data...);
    std::vector<std::size_t> out(static_cast<std::size_t>(s.rows()));
    if constexpr (std::remove_cvref_t<decltype(s)>::ColsAtCompileTime == 1) {
      for (std::size_t i = 0; i < out.size(); ++i) out[i] = s(static_cast<Eigen::Index>(i)) > 0 ? 1 : 0;
    } else {
      for (std::size_t i = 0; i < out.size(); ++i) {
        Eigen::Index k = 0;
        s.row(static_cast<Eigen::Index>(i)).maxCoeff(&k);
        out[i] = static_cast<std::size_t>(k);
      }
    }
    return out;
  }
};
inline constexpr predict_classes_fn predict_classes{};

}  // namespace descent::models

#endif
