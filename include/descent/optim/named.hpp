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
//
// An options struct holds the optimizer's name, its fields (DESCENT_OPTIM_STRUCT, so that they are
// checked by the rules of their names, detail/fields.hpp) and blocks(): the blocks BEFORE
// the learning rate.  One factory appends scale_by_learning_rate with the schedule given, or
// with constant_schedule{learning_rate} (options.schedule() where the default differs).
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
#include <descent/optim/detail/fields.hpp>
#include <descent/optim/detail/validate.hpp>

namespace descent::optim {

// --- options: the fields, and the blocks before the learning rate ----------------------

/// Plain stochastic gradient descent (torch SGD; momentum = 0 by default).
struct sgd_options {
  static constexpr const char* name = "descent::optim::sgd";
  double learning_rate = 1e-3;
  double momentum = 0;
  double dampening = 0;
  double weight_decay = 0;
  bool nesterov = false;
  constexpr auto blocks() const {
    return std::tuple{add_weight_decay{weight_decay}, scale_by_momentum{momentum, dampening, nesterov}};
  }
};
/// Heavy-ball momentum SGD (torch SGD with momentum).
struct momentum_options {
  static constexpr const char* name = "descent::optim::momentum";
  double learning_rate = 1e-3;
  double momentum = 0.9;
  double dampening = 0;
  double weight_decay = 0;
  constexpr auto blocks() const {
    return std::tuple{add_weight_decay{weight_decay}, scale_by_momentum{momentum, dampening, false}};
  }
};
/// Nesterov momentum SGD (torch SGD with nesterov=True).
struct nesterov_options {
  static constexpr const char* name = "descent::optim::nesterov";
  double learning_rate = 1e-3;
  double momentum = 0.9;
  double weight_decay = 0;
  constexpr auto blocks() const {
    return std::tuple{add_weight_decay{weight_decay}, scale_by_momentum{momentum, 0, true}};
  }
};
/// Adagrad; its default schedule is torch's lr_decay (inverse time).  With a schedule
/// given, lr_decay must be 0.
struct adagrad_options {
  static constexpr const char* name = "descent::optim::adagrad";
  double learning_rate = 1e-2;
  double lr_decay = 0;
  double weight_decay = 0;
  double initial_accumulator_value = 0;
  double eps = 1e-10;
  constexpr auto blocks() const {
    return std::tuple{add_weight_decay{weight_decay}, scale_by_adagrad{initial_accumulator_value, eps}};
  }
  constexpr auto schedule() const { return inverse_time_decay{learning_rate, lr_decay}; }
  constexpr void validate_given_schedule() const {
    if (lr_decay != 0) detail::invalid_combination(name, "lr_decay must be 0 when a schedule is given");
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
  constexpr auto blocks() const {
    return std::tuple{add_weight_decay{weight_decay}, scale_by_rms{alpha, eps, centered},
                      scale_by_momentum{momentum, 0, false}};
  }
};
struct adadelta_options {
  static constexpr const char* name = "descent::optim::adadelta";
  double learning_rate = 1.0;
  double rho = 0.9;
  double eps = 1e-6;
  double weight_decay = 0;
  constexpr auto blocks() const {
    return std::tuple{add_weight_decay{weight_decay}, scale_by_adadelta{rho, eps}};
  }
};
struct adam_options {
  static constexpr const char* name = "descent::optim::adam";
  double learning_rate = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0;
  constexpr auto blocks() const {
    return std::tuple{add_weight_decay{weight_decay},
                      scale_by_adam{.beta1 = beta1, .beta2 = beta2, .eps = eps}};
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
  constexpr auto blocks() const {
    return std::tuple{scale_by_adam{.beta1 = beta1, .beta2 = beta2, .eps = eps},
                      add_decayed_weights{weight_decay}};
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
  constexpr auto blocks() const {
    return std::tuple{add_weight_decay{weight_decay},
                      scale_by_amsgrad{.beta1 = beta1, .beta2 = beta2, .eps = eps}};
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
  constexpr auto blocks() const {
    return std::tuple{add_weight_decay{weight_decay},
                      scale_by_nadam{.beta1 = beta1, .beta2 = beta2, .eps = eps,
                                     .momentum_decay = momentum_decay}};
  }
};
struct radam_options {
  static constexpr const char* name = "descent::optim::radam";
  double learning_rate = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0;
  constexpr auto blocks() const {
    return std::tuple{add_weight_decay{weight_decay},
                      scale_by_radam{.beta1 = beta1, .beta2 = beta2, .eps = eps}};
  }
};
struct adamax_options {
  static constexpr const char* name = "descent::optim::adamax";
  double learning_rate = 2e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0;
  constexpr auto blocks() const {
    return std::tuple{add_weight_decay{weight_decay},
                      scale_by_adamax{.beta1 = beta1, .beta2 = beta2, .eps = eps}};
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
  constexpr auto blocks() const {
    return std::tuple{scale_by_lion{beta1, beta2}, add_decayed_weights{weight_decay}};
  }
};
/// Rprop: learning_rate is the initial step size; the update is the step itself, so there
/// is no rate block and no schedule.
struct rprop_options {
  static constexpr const char* name = "descent::optim::rprop";
  static constexpr bool has_rate = false;
  double learning_rate = 1e-2;
  double eta_minus = 0.5;
  double eta_plus = 1.2;
  double step_size_min = 1e-6;
  double step_size_max = 50;
  constexpr auto blocks() const {
    return std::tuple{scale_by_rprop{learning_rate, eta_minus, eta_plus, step_size_min, step_size_max}};
  }
};

namespace detail {

template <class Options>
constexpr bool has_rate() {
  if constexpr (requires { Options::has_rate; })
    return Options::has_rate;
  else
    return true;
}

/// The schedule used when none is given.
template <class Options>
constexpr auto default_schedule(const Options& o) {
  if constexpr (requires { o.schedule(); })
    return o.schedule();
  else
    return constant_schedule{o.learning_rate};
}

/// The options' fields by the rules of their names, so that messages name the option as
/// the user wrote it ("descent::optim::adam: beta1 = 1.5 is outside [0, 1)"); the chain
/// then checks its blocks (the rules between fields) under the optimizer's name.
template <class Options>
constexpr void validate_named(const Options& o) {
  validate_fields(o, Options::name);
}

/// The chain of the options' blocks and then Rate... (the rate block, or nothing), named
/// after the optimizer.  (std::apply with the rate appended in the pack: std::tuple_cat
/// costs more to compile.)
template <class T, class Options, class... Rate>
auto chain_of(const Options& o, Rate... rate) {
  return std::apply(
      [&](auto... b) {
        return basic_chain<T, decltype(b)..., Rate...>(named_t{Options::name}, std::move(b)...,
                                                        std::move(rate)...);
      },
      o.blocks());
}

/// The one factory: the options' blocks, then the rate block with the default schedule
/// (unless the optimizer has no rate)...
template <class T, class Options>
auto make_named(const Options& o) {
  validate_named(o);
  if constexpr (has_rate<Options>()) {
    using rate_t = scale_by_learning_rate<decltype(default_schedule(o))>;
    return chain_of<T>(o, rate_t{default_schedule(o)});
  } else {
    return chain_of<T>(o);
  }
}

/// ... or with the schedule given.
template <class T, class Options, schedule S>
auto make_named_with(const Options& o, S rate) {
  static_assert(has_rate<Options>(), "descent::optim: this optimizer takes no schedule");
  validate_named(o);
  if constexpr (requires { o.validate_given_schedule(); }) o.validate_given_schedule();
  return chain_of<T>(o, scale_by_learning_rate<S>{std::move(rate)});
}

}  // namespace detail

/// Compile-time checked options: `checked(adam_options{.beta1 = 1.5})` does not compile
/// (the error names detail::field_out_of_range and "beta1").
template <class Options>
consteval Options checked(Options o) {
  detail::validate_fields_named(o, Options::name);
  std::apply([](const auto&... b) { (detail::validate_fields_named(b, Options::name), ...); }, o.blocks());
  return o;
}

// --- factories ----------------------------------------------------------------------------
// `name<T = double>(options)` and `name<T = double>(options, schedule)`.
#define DESCENT_OPTIM_NAMED(fn)                                     \
  template <class T = double>                                       \
  [[nodiscard]] auto fn(const fn##_options& o = {}) {               \
    return detail::make_named<T>(o);                                \
  }                                                                 \
  template <class T = double, schedule S>                           \
  [[nodiscard]] auto fn(const fn##_options& o, S rate) {            \
    return detail::make_named_with<T>(o, std::move(rate));          \
  }

DESCENT_OPTIM_NAMED(sgd)
DESCENT_OPTIM_NAMED(momentum)
DESCENT_OPTIM_NAMED(nesterov)
DESCENT_OPTIM_NAMED(adagrad)
DESCENT_OPTIM_NAMED(rmsprop)
DESCENT_OPTIM_NAMED(adadelta)
DESCENT_OPTIM_NAMED(adam)
DESCENT_OPTIM_NAMED(adamw)
DESCENT_OPTIM_NAMED(amsgrad)
DESCENT_OPTIM_NAMED(nadam)
DESCENT_OPTIM_NAMED(radam)
DESCENT_OPTIM_NAMED(adamax)
DESCENT_OPTIM_NAMED(lion)
#undef DESCENT_OPTIM_NAMED

template <class T = double>
[[nodiscard]] auto rprop(const rprop_options& o = {}) {
  return detail::make_named<T>(o);
}

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::sgd_options, learning_rate, momentum, dampening, weight_decay, nesterov);
DESCENT_OPTIM_STRUCT(descent::optim::momentum_options, learning_rate, momentum, dampening, weight_decay);
DESCENT_OPTIM_STRUCT(descent::optim::nesterov_options, learning_rate, momentum, weight_decay);
DESCENT_OPTIM_STRUCT(descent::optim::adagrad_options, learning_rate, lr_decay, weight_decay,
                     initial_accumulator_value, eps);
DESCENT_OPTIM_STRUCT(descent::optim::rmsprop_options, learning_rate, alpha, eps, weight_decay, momentum,
                     centered);
DESCENT_OPTIM_STRUCT(descent::optim::adadelta_options, learning_rate, rho, eps, weight_decay);
DESCENT_OPTIM_STRUCT(descent::optim::adam_options, learning_rate, beta1, beta2, eps, weight_decay);
DESCENT_OPTIM_STRUCT(descent::optim::adamw_options, learning_rate, beta1, beta2, eps, weight_decay);
DESCENT_OPTIM_STRUCT(descent::optim::amsgrad_options, learning_rate, beta1, beta2, eps, weight_decay);
DESCENT_OPTIM_STRUCT(descent::optim::nadam_options, learning_rate, beta1, beta2, eps, weight_decay,
                     momentum_decay);
DESCENT_OPTIM_STRUCT(descent::optim::radam_options, learning_rate, beta1, beta2, eps, weight_decay);
DESCENT_OPTIM_STRUCT(descent::optim::adamax_options, learning_rate, beta1, beta2, eps, weight_decay);
DESCENT_OPTIM_STRUCT(descent::optim::lion_options, learning_rate, beta1, beta2, weight_decay);
DESCENT_OPTIM_STRUCT(descent::optim::rprop_options, learning_rate, eta_minus, eta_plus, step_size_min,
                     step_size_max);

#endif  // DESCENT_OPTIM_NAMED_HPP
