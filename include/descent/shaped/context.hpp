// descent/shaped/context.hpp: where the symbols of a shaped evaluation get their values.
//
// A symbol is either a parameter (read from the flat parameter vector of an objective, at an
// offset fixed at compile time by wrt(...)) or bound: one value (`w = array`, `b = 1.0`) or
// one value per sample (`x = X` with X's rows the samples, `y = ys`, `label = labels`).
// Whether a symbol is per sample is a compile-time fact of its binding's type, so the
// evaluator lays out every node's storage at compile time.  Per-sample values are read a
// block of rows at a time: straight from the caller's memory when rows are contiguous, or
// gathered into buffers owned by the context (a subset of rows for mini-batches).
#ifndef DESCENT_SHAPED_CONTEXT_HPP
#define DESCENT_SHAPED_CONTEXT_HPP

#include <cmath>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include <descent/core/error.hpp>
#include <descent/diff/wrt.hpp>
#include <descent/expr/variable.hpp>
#include <descent/shaped/symbol.hpp>

namespace descent {

// Instantiated (and failing) when a shaped evaluation has no value for a symbol: its name is
// the template argument, spelled as characters.
template <char... Name>
struct symbol_has_no_binding {
  static_assert(sizeof...(Name) == 0,
                "descent: a symbol of the expression is neither in wrt(...) nor bound; its name is spelled "
                "in symbol_has_no_binding<'n', 'a', 'm', 'e'>");
};

namespace detail {

template <class Sym, class Seq> struct unbound_symbol;
template <class Sym, std::size_t... I>
struct unbound_symbol<Sym, std::index_sequence<I...>> { using type = symbol_has_no_binding<Sym::name[I]...>; };

// What kind of source a binding type is.
enum class source { none, param, value, scalar_value, rows, scalar_rows, labels };
template <class B> inline constexpr source source_of = source::none;
template <fixed_string N, std::size_t R, std::size_t C> inline constexpr source source_of<shaped_value<N, R, C>> = source::value;
template <fixed_string N, std::size_t R, std::size_t C> inline constexpr source source_of<shaped_data<N, R, C>> = source::rows;
template <fixed_string N, class T> inline constexpr source source_of<binding<N, T>> = source::scalar_value;
template <fixed_string N, class T> inline constexpr source source_of<column<N, T>> = source::scalar_rows;
template <fixed_string N, class T> inline constexpr source source_of<label_column<N, T>> = source::labels;

template <class B> inline constexpr bool per_sample_v = source_of<B> == source::rows || source_of<B> == source::scalar_rows ||
                                                     source_of<B> == source::labels;

template <class Sym> inline constexpr std::size_t symbol_size_v = shape_v<Sym>.size();
template <class B> inline constexpr std::size_t binding_size_v = 1;
template <fixed_string N, std::size_t R, std::size_t C> inline constexpr std::size_t binding_size_v<shaped_data<N, R, C>> = R * C;

template <class Sym, class... Ps>
constexpr std::size_t param_position() {
  constexpr std::array<std::string_view, sizeof...(Ps) + 1> names{Ps::name..., std::string_view{}};
  for (std::size_t i = 0; i < sizeof...(Ps); ++i)
    if (names[i] == Sym::name) return i;
  return sizeof...(Ps);
}
template <class Sym, class... Bs>
constexpr std::size_t binding_position() {
  constexpr std::array<std::string_view, sizeof...(Bs) + 1> names{Bs::name..., std::string_view{}};
  for (std::size_t i = 0; i < sizeof...(Bs); ++i)
    if (names[i] == Sym::name) return i;
  return sizeof...(Bs);
}

template <class W, class... Bs> struct shaped_context;

// Params...: the symbols read from the parameter vector, in wrt order.  Bs...: bindings.
template <class... Ps, class... Bs>
struct shaped_context<wrt_t<Ps...>, Bs...> {
  static constexpr std::array<std::size_t, sizeof...(Ps) + 1> param_offsets = [] {
    std::array<std::size_t, sizeof...(Ps) + 1> off{};
    constexpr std::array<std::size_t, sizeof...(Ps) + 1> sizes{symbol_size_v<Ps>..., 0};
    for (std::size_t i = 0; i < sizeof...(Ps); ++i) off[i + 1] = off[i] + sizes[i];
    return off;
  }();
  static constexpr std::size_t dimension = param_offsets[sizeof...(Ps)];

  template <class Sym> static constexpr std::size_t param_index = param_position<Sym, Ps...>();
  template <class Sym> static constexpr std::size_t bind_index = binding_position<Sym, Bs...>();
  template <class Sym> static constexpr bool is_param = param_index<Sym> < sizeof...(Ps);

  template <class Sym>
  static constexpr source source_for() {
    if constexpr (is_param<Sym>) return source::param;
    else if constexpr (bind_index<Sym> < sizeof...(Bs)) return source_of<pack_at<bind_index<Sym>, Bs...>>;
    else return source::none;
  }
  template <class Sym> static constexpr bool batched = [] {
    if constexpr (is_param<Sym>) return false;
    else if constexpr (bind_index<Sym> < sizeof...(Bs)) return per_sample_v<pack_at<bind_index<Sym>, Bs...>>;
    else return false;
  }();

  // Fails with the symbol's name when it has no source.
  template <class Sym>
  static constexpr bool check() {
    if constexpr (source_for<Sym>() == source::none)
      return sizeof(typename unbound_symbol<Sym, std::make_index_sequence<Sym::name.size()>>::type) == 0;
    else return true;
  }

  std::tuple<Bs...> bindings;
  const double* params = nullptr;
  std::size_t block_rows = 1;
  // Current block of every per-sample binding, and the buffers rows are gathered into.
  std::array<const double*, sizeof...(Bs) + 1> block{};
  std::array<std::vector<double>, sizeof...(Bs) + 1> buffers{};
  std::array<std::vector<std::size_t>, sizeof...(Bs) + 1> label_buffers{};
  // Scalar values bound as `b = 1.0`, as doubles the evaluator can point at.
  std::array<double, sizeof...(Bs) + 1> scalars{};

  explicit shaped_context(const Bs&... bs) : bindings(bs...) {
    std::size_t j = 0;
    (void)std::initializer_list<int>{(init_scalar(bs, j++), 0)...};
  }

  // The number of samples: the common row count of the per-sample bindings (1 if none).
  std::size_t samples() const {
    std::size_t n = 0;
    std::string_view first;
    bool any = false;
    auto visit = [&](const auto& b) {
      using B = std::remove_cvref_t<decltype(b)>;
      if constexpr (per_sample_v<B>) {
        const std::size_t r = rows_of(b);
        const std::string_view name = B::name;
        if (!any) { n = r; first = name; any = true; }
        else if (r != n)
          throw_invalid_argument("descent: the data bound to '%.*s' has %zu rows (samples) but the data bound to '%.*s' has %zu",
                                 len(first), first.data(), n, len(name), name.data(), r);
      }
    };
    std::apply([&](const auto&... b) { (visit(b), ...); }, bindings);
    return any ? n : 1;
  }
  static constexpr bool has_samples = (per_sample_v<Bs> || ...);

  // Prepare buffers for blocks of up to `rows` rows (they only grow: an evaluator with larger
  // blocks, the exact Hessian's, may use the same context after the gradient's).
  void reserve(std::size_t rows) {
    std::size_t j = 0;
    std::apply([&](const auto&... b) { (reserve_one(b, j++, rows), ...); }, bindings);
  }

  // Point every per-sample binding at rows [start, start + n) of the sample list: the rows
  // themselves when `index` is empty, else rows index[start..start+n).
  void set_block(std::size_t start, std::size_t n, std::span<const std::size_t> index) {
    block_rows = n;
    std::size_t j = 0;
    std::apply([&](const auto&... b) { (set_one(b, j++, start, n, index), ...); }, bindings);
  }

  template <class Sym>
  const double* pointer() const {
    if constexpr (is_param<Sym>) return params + param_offsets[param_index<Sym>];
    else {
      constexpr std::size_t j = bind_index<Sym>;
      using B = pack_at<j, Bs...>;
      if constexpr (source_of<B> == source::value) return std::get<j>(bindings).data;
      else if constexpr (source_of<B> == source::scalar_value) return &scalars[j];
      else return block[j];
    }
  }
  template <class Sym>
  std::size_t label(std::size_t i) const {
    constexpr std::size_t j = bind_index<Sym>;
    using B = pack_at<j, Bs...>;
    if constexpr (source_of<B> == source::labels) return label_buffers[j][i];
    else {
      const double r = batched<Sym> ? pointer<Sym>()[i] : *pointer<Sym>();
      if (!(r >= 0) || r != std::floor(r))
        throw_invalid_argument("descent: the label '%.*s' = %f is not a class index (a non-negative integer)",
                               len(Sym::name), Sym::name.data(), r);
      return static_cast<std::size_t>(r);
    }
  }

 private:
  template <class B>
  void init_scalar(const B& b, std::size_t j) {
    if constexpr (source_of<B> == source::scalar_value) scalars[j] = static_cast<double>(b.value);
    else (void)b, (void)j;
  }
  template <class B>
  static std::size_t rows_of(const B& b) {
    if constexpr (source_of<B> == source::rows) return b.samples;
    else return b.values.size();
  }
  template <class B>
  void reserve_one(const B&, std::size_t j, std::size_t rows) {
    auto grow = [](auto& buffer, std::size_t size) {
      if (buffer.size() < size) buffer.assign(size, 0);
    };
    if constexpr (source_of<B> == source::rows) grow(buffers[j], rows * binding_size_v<B>);
    else if constexpr (source_of<B> == source::scalar_rows) grow(buffers[j], rows);
    else if constexpr (source_of<B> == source::labels) grow(label_buffers[j], rows);
  }

  template <class B>
  void set_one(const B& b, std::size_t j, std::size_t start, std::size_t n, std::span<const std::size_t> index) {
    if constexpr (source_of<B> == source::rows) {
      constexpr std::size_t k = binding_size_v<B>;
      if (index.empty() && b.stride == k) { block[j] = b.data + start * k; return; }
      double* out = buffers[j].data();
      for (std::size_t r = 0; r < n; ++r) {
        const std::size_t row = index.empty() ? start + r : index[start + r];
        if (row >= b.samples) throw_row(B::name, row, b.samples);
        const double* src = b.data + row * b.stride;
        for (std::size_t c = 0; c < k; ++c) out[r * k + c] = src[c];
      }
      block[j] = out;
    } else if constexpr (source_of<B> == source::scalar_rows) {
      static_assert(std::is_same_v<typename B::value_type, double>,
                    "descent: per-sample scalar data for vector expressions must be double");
      if (index.empty()) { block[j] = b.values.data() + start; return; }
      double* out = buffers[j].data();
      for (std::size_t r = 0; r < n; ++r) {
        const std::size_t row = index[start + r];
        if (row >= b.values.size()) throw_row(B::name, row, b.values.size());
        out[r] = b.values[row];
      }
      block[j] = out;
    } else if constexpr (source_of<B> == source::labels) {
      std::size_t* out = label_buffers[j].data();
      for (std::size_t r = 0; r < n; ++r) {
        const std::size_t row = index.empty() ? start + r : index[start + r];
        if (row >= b.values.size()) throw_row(B::name, row, b.values.size());
        const auto v = b.values[row];
        if constexpr (std::is_signed_v<std::remove_cv_t<decltype(v)>>)
          if (v < 0)
            throw_invalid_argument("descent: label '%.*s' of row %zu is negative (%lld)", len(B::name), std::string_view(B::name).data(),
                                   row, static_cast<long long>(v));
        out[r] = static_cast<std::size_t>(v);
      }
    } else {
      (void)b, (void)j, (void)start, (void)n, (void)index;
    }
  }
  [[noreturn]] static void throw_row(std::string_view name, std::size_t row, std::size_t rows) {
    throw_out_of_range("descent: row %zu of the data bound to '%.*s' does not exist (it has %zu rows)", row, len(name),
                       name.data(), rows);
  }
};

}  // namespace detail
}  // namespace descent

#endif
