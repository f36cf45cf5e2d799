// descent/optim/groups.hpp: parameter groups, each with its own optimizer.
//
//   auto opt = descent::optim::param_groups(
//       descent::optim::group{0, 1000, descent::optim::adamw({.weight_decay = 1e-2})},
//       descent::optim::group{1000, 10, descent::optim::adam({.learning_rate = 1e-3})},
//       descent::optim::frozen(1010, 10));        // not updated at all
//   opt.step(params, grads);                      // each group on its own slice
// Elements in no group are left alone.  Groups may not overlap.  (Within one chain, a
// mask does the same for one block: masked<add_weight_decay>.)
#ifndef DESCENT_OPTIM_GROUPS_HPP
#define DESCENT_OPTIM_GROUPS_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <ranges>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>


#include <descent/optim/detail/for_each_index.hpp>
#include <descent/optim/detail/prefixed_archive.hpp>

namespace descent::optim {

/// Parameters [offset, offset + count) updated by `optimizer`.
template <class O>
struct group {
  std::size_t offset = 0;
  std::size_t count = 0;
  O optimizer;
};
template <class O>
group(std::size_t, std::size_t, O) -> group<O>;

/// The optimizer of a frozen group: it never moves anything.
struct no_update {
  template <class T>
  void step(std::span<T>, std::span<const T>, T = T()) noexcept {}
  template <class Archive>
  void serialize(Archive&) noexcept {}
};

/// A group that is not trained.
[[nodiscard]] inline group<no_update> frozen(std::size_t offset, std::size_t count) {
  return {offset, count, {}};
}

template <class... O>
class param_groups {
 public:
  explicit param_groups(group<O>... groups)
      : ranges_{std::pair{groups.offset, groups.count}...}, groups_{std::move(groups)...} {
    for (std::size_t i = 0; i < ranges_.size(); ++i)
      for (std::size_t j = i + 1; j < ranges_.size(); ++j) {
        const auto [a, n] = ranges_[i];
        const auto [b, m] = ranges_[j];
        if (n > 0 && m > 0 && a < b + m && b < a + n)
          throw std::invalid_argument("descent::optim::param_groups: group " + std::to_string(i) +
                                      " and group " + std::to_string(j) + " overlap");
      }
  }

  template <std::ranges::contiguous_range P, std::ranges::contiguous_range G>
  void step(P&& params, G&& grads) {
    using T = std::ranges::range_value_t<P>;
    step_impl<T>(params, grads, nullptr);
  }
  template <std::ranges::contiguous_range P, std::ranges::contiguous_range G>
  void step(P&& params, G&& grads, std::ranges::range_value_t<P> loss) {
    using T = std::ranges::range_value_t<P>;
    step_impl<T>(params, grads, &loss);
  }

  /// Group K's optimizer.
  template <std::size_t K>
  [[nodiscard]] auto& get() noexcept {
    return std::get<K>(groups_).optimizer;
  }

  /// Each group's state as "group<K>.<name>".
  template <class Archive>
  void serialize(Archive& ar) {
    detail::for_each_index<sizeof...(O)>([&](auto k) {
      detail::prefixed_archive<Archive> pa{ar, "group" + std::to_string(decltype(k)::value) + "."};
      std::get<decltype(k)::value>(groups_).optimizer.serialize(pa);
    });
  }

 private:

  template <class T, class P, class G>
  void step_impl(P& params, G& grads, const T* loss) {
    const std::span<T> p(std::ranges::data(params), std::ranges::size(params));
    const std::span<const T> g(std::ranges::data(grads), std::ranges::size(grads));
    if (p.size() != g.size())
      throw std::invalid_argument("descent::optim::param_groups: params.size() = " +
                                  std::to_string(p.size()) + " but grads.size() = " +
                                  std::to_string(g.size()));
    for (std::size_t k = 0; k < sizeof...(O); ++k) {  // every group fits before any moves
      const auto [offset, count] = ranges_[k];
      if (offset > p.size() || count > p.size() - offset)
        throw std::out_of_range("descent::optim::param_groups: group " + std::to_string(k) +
                                " covers [" + std::to_string(offset) + ", " +
                                std::to_string(offset + count) + ") but there are " +
                                std::to_string(p.size()) + " parameters");
    }
    std::apply([&](auto&... gr) { (step_group(gr, p, g, loss), ...); }, groups_);
  }

  template <class T, class Gr>
  static void step_group(Gr& gr, std::span<T> p, std::span<const T> g, const T* loss) {
    auto ps = p.subspan(gr.offset, gr.count);
    auto gs = g.subspan(gr.offset, gr.count);
    if (loss)
      gr.optimizer.step(ps, gs, *loss);
    else
      gr.optimizer.step(ps, gs);
  }

  std::array<std::pair<std::size_t, std::size_t>, sizeof...(O)> ranges_;  // offset, count
  std::tuple<group<O>...> groups_;
};

template <class... O>
param_groups(group<O>...) -> param_groups<O...>;

}  // namespace descent::optim

#endif  // DESCENT_OPTIM_GROUPS_HPP
