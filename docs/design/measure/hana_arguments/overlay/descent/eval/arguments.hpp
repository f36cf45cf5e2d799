// Hana variant of descent/eval/arguments.hpp (hana::partition, hana::filter, hana::unpack),
// for the measurement in docs/design/architecture.md only; not part of the library.
#ifndef DESCENT_EVAL_ARGUMENTS_HPP
#define DESCENT_EVAL_ARGUMENTS_HPP

#include <type_traits>

#include <boost/hana/filter.hpp>
#include <boost/hana/partition.hpp>
#include <boost/hana/pair.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/type.hpp>
#include <boost/hana/unpack.hpp>

#include <descent/core/type_list.hpp>
#include <descent/eval/columns.hpp>
#include <descent/eval/context.hpp>

namespace descent::detail {

namespace hana = boost::hana;

template <class... Args>
struct split_arguments {
  static constexpr auto parts = hana::partition(hana::tuple_t<Args...>, [](auto t) {
    return hana::bool_c<is_binding_v<typename decltype(t)::type>>;
  });
  static constexpr auto column_types = hana::filter(hana::second(parts), [](auto t) {
    return hana::bool_c<is_column_v<typename decltype(t)::type>>;
  });
  using scalars = typename decltype(hana::unpack(hana::first(parts), hana::template_<binding_set>))::type;
  using columns = typename decltype(hana::unpack(column_types, hana::template_<column_set>))::type;
  static constexpr bool valid = ((is_binding_v<Args> || is_column_v<Args>) && ...);
};

template <class Set, class... Args>
constexpr Set gather(const Args&... args) {
  return hana::unpack(hana::filter(hana::make_tuple(args...), [](const auto& a) {
                        return hana::bool_c<std::is_base_of_v<std::remove_cvref_t<decltype(a)>, Set>>;
                      }),
                      [](const auto&... a) { return Set{a...}; });
}

}  // namespace descent::detail

#endif
