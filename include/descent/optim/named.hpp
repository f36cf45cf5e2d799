// descent/optim/named.hpp: the well-known optimizers, each a chain of the same blocks.
//
//   auto opt = descent::optim::adam({.learning_rate = 1e-3, .beta2 = 0.99});  // double
//   auto opf = descent::optim::adam<float>({.weight_decay = 1e-4});           // float
//   auto sch = descent::optim::sgd({.momentum = 0.9},                         // a schedule
//                                  descent::optim::cosine_decay{.init_value = 0.1,
//                                                               .decay_steps = 1000});
// Options are named like torch.optim's arguments (lr -> learning_rate, betas -> beta1 and
// beta2) with torch's defaults, and the iterates match torch's (tests/optim/torch_*.cpp).
// With a schedule, the schedule replaces learning_rate.  Bad values throw
// std::invalid_argument naming the optimizer and the parameter; wrap constant options in
// descent::optim::checked(...) to get the same check at compile time.
// The update equations of each, with the paper, are in docs/optimizers.md.
#ifndef DESCENT_OPTIM_NAMED_HPP
#define DESCENT_OPTIM_NAMED_HPP

#include <tuple>
#include <utility>

#include <descent/optim/block/adadelta.hpp>
#include <descent/optim/block/adagrad.hpp>
#include <descent/optim/block/adam.hpp>
#include <descent/optim/block/adamax.hpp>
#include <descent/optim/block/learning_rate.hpp>
#include <descent/optim/block/lion.hpp>
#include <descent/optim/block/momentum.hpp>
#include <descent/optim/block/nadam.hpp>
#include <descent/optim/block/radam.hpp>
#include <descent/optim/block/rms.hpp>
#include <descent/optim/block/rprop.hpp>
#include <descent/optim/block/weight_decay.hpp>
#include <descent/optim/chain.hpp>
#include <descent/optim/schedule.hpp>
#include <descent/optim/schedule/decay.hpp>

namespace descent::optim {

// --- options: one aggregate per optimizer; blocks(rate) is the recipe -------------------

/// Plain stochastic gradient descent (torch SGD; momentum = 0 by default).
struct sgd_options {
  static constexpr const char* name = "descent::optim::sgd";
  double learning_rate = 1e-3;
  double momentum = 0;
  double dampening = 0;
  double weight_decay = 0;
  bool nesterov = false;
  constexpr auto default_rate() const { return scale_by_learning_rate<>{{learning_rate}}; }
  template <class Rate>
  constexpr auto blocks(Rate rate) const {
    return std::tuple{add_weight_decay{weight_decay},
                      scale_by_momentum{momentum, dampening, nesterov}, rate};
  }
};
/// Heavy-ball momentum SGD (torch SGD with momentum).
struct momentum_options {
  static constexpr const char* name = "descent::optim::momentum";
  double learning_rate = 1e-3;
  double momentum = 0.9;
  double dampening = 0;
  double weight_decay = 0;
  constexpr auto default_rate() const { return scale_by_learning_rate<>{{learning_rate}}; }
  template <class Rate>
  constexpr auto blocks(Rate rate) const {
    return std::tuple{add_weight_decay{weight_decay}, scale_by_momentum{momentum, dampening, false},
                      rate};
  }
};
/// Nesterov momentum SGD (torch SGD with nesterov=True).
struct nesterov_options {
  static constexpr const char* name = "descent::optim::nesterov";
  double learning_rate = 1e-3;
  double momentum = 0.9;
  double weight_decay = 0;
  constexpr auto default_rate() const { return scale_by_learning_rate<>{{learning_rate}}; }
  template <class Rate>
  constexpr auto blocks(Rate rate) const {
    return std::tuple{add_weight_decay{weight_decay}, scale_by_momentum{momentum, 0, true}, rate};
  }
};
struct adagrad_options {
  static constexpr const char* name = "descent::optim::adagrad";
  double learning_rate = 1e-2;
  double lr_decay = 0;
  double weight_decay = 0;
  double initial_accumulator_value = 0;
  double eps = 1e-10;
  constexpr auto default_rate() const {
    return scale_by_learning_rate<inverse_time_decay>{{learning_rate, lr_decay}};
  }
  template <class Rate>
  constexpr auto blocks(Rate rate) const {
    return std::tuple{add_weight_decay{weight_decay},
                      scale_by_adagrad{initial_accumulator_value, eps}, rate};
  }
};
struct rmsprop_options {
  static constexpr const char* name = "descent::optim::rmsprop";
  double learning_rate = 1e-2;
  double alpha = 0.99;
  double eps = 1e-8;
  double weight_decay = 0;
  double momentum = 0;
  bool centered = false;
  constexpr auto default_rate() const { return scale_by_learning_rate<>{{learning_rate}}; }
  template <class Rate>
  constexpr auto blocks(Rate rate) const {
    return std::tuple{add_weight_decay{weight_decay}, scale_by_rms{alpha, eps, centered},
                      scale_by_momentum{momentum, 0, false}, rate};
  }
};
struct adadelta_options {
  static constexpr const char* name = "descent::optim::adadelta";
  double learning_rate = 1.0;
  double rho = 0.9;
  double eps = 1e-6;
  double weight_decay = 0;
  constexpr auto default_rate() const { return scale_by_learning_rate<>{{learning_rate}}; }
  template <class Rate>
  constexpr auto blocks(Rate rate) const {
    return std::tuple{add_weight_decay{weight_decay}, scale_by_adadelta{rho, eps}, rate};
  }
};
struct adam_options {
  static constexpr const char* name = "descent::optim::adam";
  double learning_rate = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0;
  constexpr auto default_rate() const { return scale_by_learning_rate<>{{learning_rate}}; }
  template <class Rate>
  constexpr auto blocks(Rate rate) const {
    return std::tuple{add_weight_decay{weight_decay},
                      scale_by_adam{.beta1 = beta1, .beta2 = beta2, .eps = eps}, rate};
  }
};
/// Adam with decoupled weight decay (torch AdamW: default weight_decay 1e-2).
struct adamw_options {
  static constexpr const char* name = "descent::optim::adamw";
  double learning_rate = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 1e-2;
  constexpr auto default_rate() const { return scale_by_learning_rate<>{{learning_rate}}; }
  template <class Rate>
  constexpr auto blocks(Rate rate) const {
    return std::tuple{scale_by_adam{.beta1 = beta1, .beta2 = beta2, .eps = eps},
                      add_decayed_weights{weight_decay}, rate};
  }
};
/// torch Adam(amsgrad=True).
struct amsgrad_options {
  static constexpr const char* name = "descent::optim::amsgrad";
  double learning_rate = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0;
  constexpr auto default_rate() const { return scale_by_learning_rate<>{{learning_rate}}; }
  template <class Rate>
  constexpr auto blocks(Rate rate) const {
    return std::tuple{add_weight_decay{weight_decay},
                      scale_by_amsgrad{.beta1 = beta1, .beta2 = beta2, .eps = eps}, rate};
  }
};
struct nadam_options {
  static constexpr const char* name = "descent::optim::nadam";
  double learning_rate = 2e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0;
  double momentum_decay = 4e-3;
  constexpr auto default_rate() const { return scale_by_learning_rate<>{{learning_rate}}; }
  template <class Rate>
  constexpr auto blocks(Rate rate) const {
    return std::tuple{add_weight_decay{weight_decay},
                      scale_by_nadam{.beta1 = beta1, .beta2 = beta2, .eps = eps,
                                     .momentum_decay = momentum_decay},
                      rate};
  }
};
struct radam_options {
  static constexpr const char* name = "descent::optim::radam";
  double learning_rate = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0;
  constexpr auto default_rate() const { return scale_by_learning_rate<>{{learning_rate}}; }
  template <class Rate>
  constexpr auto blocks(Rate rate) const {
    return std::tuple{add_weight_decay{weight_decay},
                      scale_by_radam{.beta1 = beta1, .beta2 = beta2, .eps = eps}, rate};
  }
};
struct adamax_options {
  static constexpr const char* name = "descent::optim::adamax";
  double learning_rate = 2e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0;
  constexpr auto default_rate() const { return scale_by_learning_rate<>{{learning_rate}}; }
  template <class Rate>
  constexpr auto blocks(Rate rate) const {
    return std::tuple{add_weight_decay{weight_decay},
                      scale_by_adamax{.beta1 = beta1, .beta2 = beta2, .eps = eps}, rate};
  }
};
/// Lion (Chen et al. 2023), defaults of the paper's reference code (lr 1e-4, betas
/// 0.9/0.99); weight decay is decoupled as in AdamW.
struct lion_options {
  static constexpr const char* name = "descent::optim::lion";
  double learning_rate = 1e-4;
  double beta1 = 0.9;
  double beta2 = 0.99;
  double weight_decay = 0;
  constexpr auto default_rate() const { return scale_by_learning_rate<>{{learning_rate}}; }
  template <class Rate>
  constexpr auto blocks(Rate rate) const {
    return std::tuple{scale_by_lion{beta1, beta2}, add_decayed_weights{weight_decay}, rate};
  }
};
/// Rprop: learning_rate is the initial step size; no schedule applies.
struct rprop_options {
  static constexpr const char* name = "descent::optim::rprop";
  double learning_rate = 1e-2;
  double eta_minus = 0.5;
  double eta_plus = 1.2;
  double step_size_min = 1e-6;
  double step_size_max = 50;
  constexpr auto default_rate() const { return 0; }
  constexpr auto blocks(int = 0) const {
    return std::tuple{scale_by_rprop{learning_rate, eta_minus, eta_plus, step_size_min,
                                     step_size_max}};
  }
};

namespace detail {

template <class T, class Options, class Rate>
auto make_named(const Options& o, Rate rate) {
  return std::apply(
      [](auto... b) { return basic_chain<T, decltype(b)...>(named_t{Options::name}, b...); },
      o.blocks(rate));
}

template <class Options, class Blocks, std::size_t... I>
constexpr void validate_all(const Blocks& blocks, std::index_sequence<I...>) {
  (
      [&](const auto& b) {
        if constexpr (requires { b.validate("who"); }) b.validate(Options::name);
      }(std::get<I>(blocks)),
      ...);
}

}  // namespace detail

/// Compile-time checked options: `checked(adam_options{.beta1 = 1.5})` does not compile
/// (the error names detail::hyperparameter_out_of_range and "beta1").
template <class Options>
consteval Options checked(Options o) {
  const auto blocks = o.blocks(o.default_rate());
  detail::validate_all<Options>(blocks,
                                std::make_index_sequence<std::tuple_size_v<decltype(blocks)>>{});
  return o;
}

// --- factories ----------------------------------------------------------------------------
// One line each: `name<T = double>(options)` and `name<T>(options, schedule)`.
#define DESCENT_OPTIM_NAMED(fn, opts)                                              \
  template <class T = double>                                                      \
  [[nodiscard]] auto fn(const opts& o = {}) {                                      \
    return detail::make_named<T>(o, o.default_rate());                             \
  }                                                                                \
  template <class T = double, schedule S>                                          \
  [[nodiscard]] auto fn(const opts& o, S rate) {                                   \
    return detail::make_named<T>(o, scale_by_learning_rate<S>{std::move(rate)});   \
  }

DESCENT_OPTIM_NAMED(sgd, sgd_options)
DESCENT_OPTIM_NAMED(momentum, momentum_options)
DESCENT_OPTIM_NAMED(nesterov, nesterov_options)
DESCENT_OPTIM_NAMED(rmsprop, rmsprop_options)
DESCENT_OPTIM_NAMED(adadelta, adadelta_options)
DESCENT_OPTIM_NAMED(adam, adam_options)
DESCENT_OPTIM_NAMED(adamw, adamw_options)
DESCENT_OPTIM_NAMED(amsgrad, amsgrad_options)
DESCENT_OPTIM_NAMED(nadam, nadam_options)
DESCENT_OPTIM_NAMED(radam, radam_options)
DESCENT_OPTIM_NAMED(adamax, adamax_options)
DESCENT_OPTIM_NAMED(lion, lion_options)
#undef DESCENT_OPTIM_NAMED

/// Adagrad; with a schedule, the schedule replaces learning_rate and lr_decay (which
/// must then be 0).
template <class T = double>
[[nodiscard]] auto adagrad(const adagrad_options& o = {}) {
  return detail::make_named<T>(o, o.default_rate());
}
template <class T = double, schedule S>
[[nodiscard]] auto adagrad(const adagrad_options& o, S rate) {
  if (o.lr_decay != 0)
    detail::invalid_combination(adagrad_options::name,
                                "lr_decay must be 0 when a schedule is given");
  return detail::make_named<T>(o, scale_by_learning_rate<S>{std::move(rate)});
}
template <class T = double>
[[nodiscard]] auto rprop(const rprop_options& o = {}) {
  return detail::make_named<T>(o, 0);
}

}  // namespace descent::optim

#endif  // DESCENT_OPTIM_NAMED_HPP
