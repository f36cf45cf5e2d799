// Compile-time facts about blocks, optimizers and schedules: compiling is passing.
#include <span>
#include <vector>

#include <descent/optim.hpp>

namespace o = descent::optim;

// Every block is an update_rule over float and double.
template <class... B>
constexpr bool all_rules = ((o::update_rule<B, double> && o::update_rule<B, float>) && ...);
static_assert(all_rules<o::scale_by_learning_rate<>, o::scale_by_learning_rate<o::one_cycle>,
                        o::scale_by_momentum, o::scale_by_adagrad, o::scale_by_rms,
                        o::scale_by_adadelta, o::scale_by_adam, o::scale_by_amsgrad,
                        o::scale_by_nadam, o::scale_by_radam, o::scale_by_adamax, o::scale_by_lion,
                        o::scale_by_rprop, o::scale_by_sign, o::add_weight_decay,
                        o::add_decayed_weights, o::clip_by_value, o::clip_by_global_norm,
                        o::accumulate_gradients, o::lookahead, o::masked<o::scale_by_adam>>);

// What is not a block.
struct no_apply {};
struct wrong_signature {
  template <class T>
  T apply(T u) const { return u; }
};
struct buffers_without_names {
  static constexpr std::size_t buffers = 1;
  template <class T>
  T apply(T u, T, o::slots<T, 1>) const { return u; }
};
struct user_block {  // the smallest user block
  template <class T>
  T apply(T u, T, o::slots<T, 0>) const { return 2 * u; }
};
static_assert(!o::update_rule<no_apply, double>);
static_assert(!o::update_rule<wrong_signature, double>);
static_assert(!o::update_rule<buffers_without_names, double>);
static_assert(o::update_rule<user_block, double>);
static_assert(!o::update_rule<o::scale_by_adam, int>);
// The concept a chain's blocks must satisfy (a chain of anything else does not compile:
// tests/optim/fail_chain_of_non_block.cpp).
static_assert(o::block<o::scale_by_adam> && o::block<user_block> && o::block<o::lookahead>);
static_assert(!o::block<int> && !o::block<no_apply> && !o::block<buffers_without_names>);

// Gates and barriers are recognised from their members.
static_assert(o::detail::is_gate<o::accumulate_gradients>);
static_assert(!o::detail::is_gate<o::scale_by_adam>);
static_assert(o::detail::is_barrier<o::clip_by_global_norm, double>);
static_assert(!o::detail::is_barrier<o::clip_by_value, double>);

// Every named optimizer, a custom chain and parameter groups are optimizers, over the T
// they were made for only.
using adam_t = decltype(o::adam());
static_assert(o::optimizer<adam_t, double> && !o::optimizer<adam_t, float>);
static_assert(o::optimizer<decltype(o::adam<float>()), float>);
static_assert(o::optimizer<decltype(o::sgd()), double> && o::optimizer<decltype(o::momentum()), double> &&
              o::optimizer<decltype(o::nesterov()), double> && o::optimizer<decltype(o::adagrad()), double> &&
              o::optimizer<decltype(o::rmsprop()), double> && o::optimizer<decltype(o::adadelta()), double> &&
              o::optimizer<decltype(o::adamw()), double> && o::optimizer<decltype(o::amsgrad()), double> &&
              o::optimizer<decltype(o::nadam()), double> && o::optimizer<decltype(o::radam()), double> &&
              o::optimizer<decltype(o::adamax()), double> && o::optimizer<decltype(o::lion()), double> &&
              o::optimizer<decltype(o::rprop()), double>);
static_assert(o::optimizer<o::chain<user_block, o::scale_by_learning_rate<>>, double>);
static_assert(o::optimizer<decltype(o::param_groups(o::group{0, 1, o::adam()}, o::frozen(1, 1))), double>);

// A named optimizer is a chain of the blocks named in docs/optimizers.md.
static_assert(std::is_same_v<adam_t, o::chain<o::add_weight_decay, o::scale_by_adam,
                                              o::scale_by_learning_rate<>>>);
static_assert(std::is_same_v<decltype(o::adamw()), o::chain<o::scale_by_adam, o::add_decayed_weights,
                                                            o::scale_by_learning_rate<>>>);
static_assert(std::is_same_v<decltype(o::sgd({}, o::cosine_decay{})),
                             o::chain<o::add_weight_decay, o::scale_by_momentum,
                                      o::scale_by_learning_rate<o::cosine_decay>>>);

// Compile-time checked options.
constexpr auto good = o::checked(o::nadam_options{.beta2 = 0.99, .momentum_decay = 0});
static_assert(good.beta2 == 0.99);

// Blocks, schedules and options list their fields (DESCENT_OPTIM_STRUCT): one walk serves all.
static_assert(o::detail::described<o::scale_by_adam> && o::detail::described<o::adam_options> &&
              o::detail::described<o::scale_by_learning_rate<o::linear_warmup<o::cosine_decay>>> &&
              o::detail::described<o::masked<o::scale_by_adam>> && !o::detail::described<user_block>);
static_assert(o::detail::field_rule_of("beta1") == o::field_rule::unit_open);
static_assert(o::detail::rule_for<o::reduce_on_plateau>("eps") == o::field_rule::nonnegative);
static_assert(o::detail::rule_for<o::scale_by_adam>("eps") == o::field_rule::positive);

// Schedules.
static_assert(o::schedule<o::join_schedules<o::constant_schedule, o::step_decay>>);
static_assert(o::schedule<o::linear_warmup<o::one_cycle>>);
static_assert(o::inverse_time_decay{1.0, 1.0}(1) == 0.5);
