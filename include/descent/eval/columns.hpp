// descent/eval/columns.hpp: a set of data columns (`x = xs`, one value per sample) read by
// variable name and sample index, and the number of samples they hold.
#ifndef DESCENT_EVAL_COLUMNS_HPP
#define DESCENT_EVAL_COLUMNS_HPP

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include <descent/eval/context.hpp>
#include <descent/expr/variable.hpp>

namespace descent::detail {

template <class T> inline constexpr bool is_column_v = false;
template <fixed_string N, class T> inline constexpr bool is_column_v<column<N, T>> = true;

template <class... Cs>
struct column_set : Cs... {
  template <class Var>
  static constexpr std::size_t count = count_named<Var, Cs...>;
  template <fixed_string Name, class T>
  static constexpr std::span<const T> values_of(const column<Name, T>& c) { return c.values; }
  template <fixed_string Name>
  constexpr auto at(const var<Name>&, std::size_t row) const { return values_of<Name>(*this)[row]; }
};

// The number of samples (1 without columns); columns of different lengths are an error
// reported as `who: data columns differ in length: ...`.
template <class... Cs>
std::size_t rows_of(const column_set<Cs...>& c, const char* who) {
  if constexpr (sizeof...(Cs) == 0) {
    (void)c;
    (void)who;
    return 1;
  } else {
    const std::size_t sizes[] = {static_cast<const Cs&>(c).values.size()...};
    const std::string_view names[] = {Cs::name...};
    for (std::size_t i = 1; i < sizeof...(Cs); ++i)
      if (sizes[i] != sizes[0])
        throw std::invalid_argument(std::string(who) + ": data columns differ in length: '" +
                                    std::string(names[0]) + "' has " + std::to_string(sizes[0]) +
                                    " values, '" + std::string(names[i]) + "' has " +
                                    std::to_string(sizes[i]));
    return sizes[0];
  }
}

}  // namespace descent::detail

#endif
