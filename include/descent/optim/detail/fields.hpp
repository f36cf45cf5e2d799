// descent/optim/detail/fields.hpp: the fields of blocks, schedules and options, and the one
// validation, checkpoint serialisation and printing that walk them.
//
// A block (or schedule, or options struct) lists its fields once, after its definition:
//   DESCENT_OPTIM_STRUCT(descent::optim::scale_by_adam, beta1, beta2, eps,
//                        t_, inv_bc1_, inv_sqrt_bc2_);
//   - A field whose name ends in '_' is STATE: saved in checkpoints under its name without
//     the '_' ("t"), in the listed order.  State recomputed every step (a clip scale) is not
//     listed, so that it is not saved.
//   - Every other field is a HYPERPARAMETER, checked on construction by the rule its name
//     has everywhere in descent::optim (field_rule_of below: beta1 in [0, 1), eps > 0, ...),
//     NaN and +-inf rejected; a type may override a name's rule with
//     `static constexpr field_rule rule_of(std::string_view field)` (return field_rule::
//     by_name to keep the common rule).
//   - A field that is itself listed (a schedule inside a block, a block inside masked) is
//     walked too: its hyperparameters are checked as "outer.inner", its state is saved
//     under the prefix "outer.".
// Rules between fields (Nesterov needs dampening = 0) stay in the type's own
// `constexpr void validate(const char* who) const`, called after the field walk.
// The walk is constexpr: descent::optim::checked() runs it at compile time.
//
// Why not Boost.Hana Structs (BOOST_HANA_ADAPT_STRUCT and hana::for_each over
// hana::accessors)?  Measured first, they cost too much compile time: a TU making the 14
// named optimizers took 6.35 s / 387 MB instead of 2.98 s / 255 MB with g++ 12 (-O1), most
// of it constructing each struct's hana::tuple of hana::pair<hana::string, accessor>.  A
// type list constructs nothing; docs/design/hana.md has the figures.
#ifndef DESCENT_OPTIM_DETAIL_FIELDS_HPP
#define DESCENT_OPTIM_DETAIL_FIELDS_HPP


#include <charconv>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include <descent/optim/detail/prefixed_archive.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

/// The allowed range of a hyperparameter.
enum class field_rule {
  by_name,         ///< (in rule_of overrides) use the rule of the field's name
  any,             ///< any number but NaN
  nonnegative,     ///< [0, inf)
  positive,        ///< (0, inf)
  unit_open,       ///< [0, 1)
  unit_closed,     ///< [0, 1]
  unit_left_open,  ///< (0, 1]
  open_unit,       ///< (0, 1)
  above_one,       ///< (1, inf)
  count,           ///< an integer >= 1
};

namespace detail {

/// The rule a field's name has throughout descent::optim.  One meaning per name is the
/// convention that lets one check serve every block, schedule and optimizer.
constexpr field_rule field_rule_of(std::string_view n) {
  using r = field_rule;
  constexpr std::string_view nonnegative[] = {
      "learning_rate", "value",         "init_value",     "end_value",
      "max_value",     "min_value",     "start_value",    "weight_decay",
      "initial_accumulator_value",      "momentum_decay", "threshold",
      "step_size_min", "lr_decay",      "decay_rate",     "clip_value",
      "initial_step",  "norm_eps"};
  constexpr std::string_view positive[] = {"eps",        "max_norm",         "gamma",
                                           "power",      "div_factor",       "final_div_factor",
                                           "step_size_max"};
  constexpr std::string_view unit_open[] = {"beta1", "beta2", "momentum"};
  constexpr std::string_view unit_closed[] = {"dampening", "rho", "alpha", "end_factor"};
  constexpr std::string_view counts[] = {"k",      "decay_steps", "step_size",  "period",
                                         "period_mult", "total_steps", "total_iters"};
  for (auto s : nonnegative)
    if (s == n) return r::nonnegative;
  for (auto s : positive)
    if (s == n) return r::positive;
  for (auto s : unit_open)
    if (s == n) return r::unit_open;
  for (auto s : unit_closed)
    if (s == n) return r::unit_closed;
  for (auto s : counts)
    if (s == n) return r::count;
  if (n == "eta_minus" || n == "pct_start" || n == "factor") return r::open_unit;
  if (n == "eta_plus") return r::above_one;
  if (n == "start_factor") return r::unit_left_open;
  return r::any;
}

template <class S>
constexpr field_rule rule_for(std::string_view field) {
  if constexpr (requires { S::rule_of(field); }) {
    const field_rule r = S::rule_of(field);
    if (r != field_rule::by_name) return r;
  }
  return field_rule_of(field);
}

/// The dotted path of a nested field, e.g. "learning_rate.then".
struct field_path {
  const char* part[6]{};
  std::size_t size = 0;
  constexpr field_path with(const char* p) const {
    field_path q = *this;
    if (q.size < 6) q.part[q.size++] = p;
    return q;
  }
};

/// The message of a bad hyperparameter.
[[noreturn]] inline void field_out_of_range(const char* who, field_path path, const char* field,
                                            double value, const char* range) {
  std::ostringstream os;
  os.precision(17);
  os << who << ": ";
  for (std::size_t i = 0; i < path.size; ++i) os << path.part[i] << '.';
  os << field << " = " << value << " is outside " << range;
  throw std::invalid_argument(os.str());
}

/// The range v is outside of under this rule, or nullptr when v is allowed.
constexpr const char* outside(double v, field_rule rule) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  const bool finite = v > -inf && v < inf;  // false for NaN too
  switch (rule) {
    case field_rule::by_name:
    case field_rule::any: return v == v ? nullptr : "(-inf, inf)";
    case field_rule::nonnegative: return finite && v >= 0 ? nullptr : "[0, inf)";
    case field_rule::positive: return finite && v > 0 ? nullptr : "(0, inf)";
    case field_rule::unit_open: return v >= 0 && v < 1 ? nullptr : "[0, 1)";
    case field_rule::unit_closed: return v >= 0 && v <= 1 ? nullptr : "[0, 1]";
    case field_rule::unit_left_open: return v > 0 && v <= 1 ? nullptr : "(0, 1]";
    case field_rule::open_unit: return v > 0 && v < 1 ? nullptr : "(0, 1)";
    case field_rule::above_one: return finite && v > 1 ? nullptr : "(1, inf)";
    case field_rule::count: return v >= 1 ? nullptr : "[1, inf)";
  }
  return nullptr;
}

/// A field's name as a template argument.
template <std::size_t N>
struct field_name {
  char text[N];
  constexpr field_name(const char (&s)[N]) {  // NOLINT: implicit from a literal
    for (std::size_t i = 0; i < N; ++i) text[i] = s[i];
  }
};

/// One field of a struct: the member (so that a compile-time error names it) and its name.
/// Only types: nothing is constructed, the walks expand the list as a pack.
template <auto Member, field_name Name>
struct field {};
template <class... Fields>
struct field_list {};

/// fields_of<S>::list: S's fields in order, a field_list (DESCENT_OPTIM_STRUCT); absent
/// for other types.
template <class S>
struct fields_of {};

template <class S>
concept described = requires { typename fields_of<S>::list; };

constexpr bool is_state_name(std::string_view key) { return !key.empty() && key.back() == '_'; }

/// The name a type gives itself (`static constexpr const char* name`), or nullptr.
template <class B>
constexpr const char* name_of() {
  if constexpr (requires { { B::name } -> std::convertible_to<const char*>; })
    return B::name;
  else
    return nullptr;
}

/// Not constexpr on purpose: reaching it during constant evaluation (checked()) is the
/// compile-time error, and both compilers' diagnostics name the member:
/// hyperparameter_out_of_range<&descent::optim::adam_options::beta1>; the value appears in
/// the call chain above it.
template <auto Member>
[[noreturn]] void hyperparameter_out_of_range(const char* who, field_path path, const char* field,
                                              double value, const char* range) {
  field_out_of_range(who, path, field, value, range);
}

template <class S>
constexpr void validate_fields(const S& s, const char* who, field_path path = {});
template <class S>
constexpr void validate_fields_named(const S& s, const char* who, field_path path = {});

template <auto M, field_name Name, class S>
constexpr void validate_field(const S& s, const char* who, field_path path) {
  const auto& v = s.*M;
  using V = std::remove_cvref_t<decltype(v)>;
  if constexpr (!is_state_name(Name.text)) {
    if constexpr (described<V> || has_validate<V>) {
      validate_fields_named(v, who, path.with(Name.text));
    } else if constexpr (std::is_floating_point_v<V> || (std::is_integral_v<V> && !std::same_as<V, bool>)) {
      const double x = static_cast<double>(v);
      if (const char* range = outside(x, rule_for<S>(Name.text)))
        hyperparameter_out_of_range<M>(who, path, Name.text, x, range);
    }
  }
}

// Two walks over the same list.  At run time (every optimizer's construction), one fold
// over the fields calls check_value<V>, instantiated once per value type, not per field
// (5 MB less in a TU making the 14 named optimizers).  At compile time (checked()),
// validate_field<Member, Name> per field, so that the error names the member.
template <class V>
constexpr void check_value(const V& v, const char* name, field_rule rule, const char* who,
                           field_path path) {
  if constexpr (described<V> || has_validate<V>) {
    validate_fields(v, who, path.with(name));
  } else if constexpr (std::is_floating_point_v<V> || (std::is_integral_v<V> && !std::same_as<V, bool>)) {
    const double x = static_cast<double>(v);
    if (const char* range = outside(x, rule)) field_out_of_range(who, path, name, x, range);
  }
}

// The rule and the state flag of a field, computed by the compiler (no string compares
// left in the generated code).
template <class S, field_name Name>
inline constexpr field_rule rule_v = rule_for<S>(Name.text);
template <field_name Name>
inline constexpr bool state_v = is_state_name(Name.text);

template <class S, auto... M, field_name... Name>
constexpr void validate_list(const S& s, const char* who, field_path path, field_list<field<M, Name>...>) {
  ((state_v<Name> ? void() : check_value(s.*M, Name.text, rule_v<S, Name>, who, path)), ...);
}

template <class S, auto... M, field_name... Name>
constexpr void validate_list_named(const S& s, const char* who, field_path path,
                                   field_list<field<M, Name>...>) {
  (validate_field<M, Name>(s, who, path), ...);
}

/// Checks every hyperparameter of s (recursively), then s's own validate(who).
template <class S>
constexpr void validate_fields(const S& s, const char* who, field_path path) {
  if constexpr (described<S>) validate_list(s, who, path, typename fields_of<S>::list{});
  if constexpr (has_validate<S>) s.validate(who);
}

/// The same at compile time, the error naming the member (descent::optim::checked).
template <class S>
constexpr void validate_fields_named(const S& s, const char* who, field_path path) {
  if constexpr (described<S>) validate_list_named(s, who, path, typename fields_of<S>::list{});
  if constexpr (has_validate<S>) s.validate(who);
}

template <class V>
concept archive_value = std::is_arithmetic_v<V> || requires(const V& v) {
  v.data();
  v.size();
  requires std::is_arithmetic_v<std::remove_cvref_t<decltype(*v.data())>>;
};

template <class S, class Archive>
void serialize_state(S& s, Archive& ar);

// One fold per struct over serialize_value<V>, instantiated per value type, not per field.
template <class V, class Archive>
void serialize_value(V& v, std::string_view key, bool state, Archive& ar) {
  if constexpr (described<V> || has_serialize<V>) {
    prefixed_archive<Archive> pa{ar, std::string(key) + "."};
    serialize_state(v, pa);
  } else if constexpr (archive_value<V>) {
    if (state) ar(key.substr(0, key.size() - 1), v);
  }
}

template <class S, class Archive, auto... M, field_name... Name>
void serialize_list(S& s, Archive& ar, field_list<field<M, Name>...>) {
  (serialize_value(s.*M, std::string_view(Name.text), state_v<Name>, ar), ...);
}

/// Saves or restores s's state: its own serialize(ar) when it has one, else every state
/// field (name without the '_') and, under "field.", the state of nested structs.
template <class S, class Archive>
void serialize_state(S& s, Archive& ar) {
  if constexpr (has_serialize<S>)
    s.serialize(ar);
  else if constexpr (described<S>)
    serialize_list(s, ar, typename fields_of<S>::list{});
}

template <class V>
void print_value(std::ostream& os, const V& v);

template <auto M, field_name Name, class S>
void print_field(std::ostream& os, const S& s, bool& first) {
  std::string_view key = Name.text;
  if (is_state_name(key)) key.remove_suffix(1);
  os << (first ? "" : ", ") << key << " = ";
  first = false;
  print_value(os, s.*M);
}

template <class S, auto... M, field_name... Name>
void print_list(std::ostream& os, const S& s, field_list<field<M, Name>...>) {
  bool first = true;
  (print_field<M, Name>(os, s, first), ...);
}

/// "name{field = value, ...}" (state fields without their '_').
template <class S>
void print_fields(std::ostream& os, const S& s) {
  const char* n = name_of<S>();
  os << (n ? n : "") << '{';
  print_list(os, s, typename fields_of<S>::list{});
  os << '}';
}

template <class V>
void print_value(std::ostream& os, const V& v) {
  if constexpr (described<V>) {
    print_fields(os, v);
  } else if constexpr (std::same_as<V, bool>) {
    os << (v ? "true" : "false");
  } else if constexpr (std::is_floating_point_v<V>) {
    char buf[32];  // the shortest text that reads back as the same number
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    os << std::string_view(buf, static_cast<std::size_t>(r.ptr - buf));
  } else if constexpr (std::is_signed_v<V>) {
    os << static_cast<long long>(v);
  } else if constexpr (std::is_integral_v<V>) {
    os << static_cast<unsigned long long>(v);
  } else if constexpr (requires { v.size(); v[0]; }) {
    os << '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) os << ", ";
      if (i == 8) {
        os << "... (" << v.size() << " values)";
        break;
      }
      print_value(os, v[i]);
    }
    os << ']';
  } else {
    os << "(?)";
  }
}

}  // namespace detail

/// Every hyperparameter and every piece of state of a block, schedule or options struct:
///   to_string(scale_by_adam{}) == "descent::optim::scale_by_adam{beta1 = 0.9, beta2 = 0.999,
///                                  eps = 1e-08, t = 0, inv_bc1 = 1, inv_sqrt_bc2 = 1}"
template <detail::described S>
[[nodiscard]] std::string to_string(const S& s) {
  std::ostringstream os;
  detail::print_fields(os, s);
  return os.str();
}

}  // namespace descent::optim

/// One field of Type, for a fields_of specialisation.
#define DESCENT_OPTIM_FIELD(Type, member) ::descent::optim::detail::field<&Type::member, #member>

// DESCENT_OPTIM_STRUCT(Type, fields...): Type's fields, in order (up to 12); at global
// namespace scope.  The list is a type: nothing is compiled until a walk uses it.
#define DESCENT_OPTIM_STRUCT(Type, ...)                                                     \
  template <>                                                                               \
  struct descent::optim::detail::fields_of<Type> {                                          \
    using list = ::descent::optim::detail::field_list<DESCENT_OPTIM_PP_CAT(                 \
        DESCENT_OPTIM_PP_F, DESCENT_OPTIM_PP_COUNT(__VA_ARGS__))(Type, __VA_ARGS__)>;        \
  }

#define DESCENT_OPTIM_PP_CAT(a, b) DESCENT_OPTIM_PP_CAT_(a, b)
#define DESCENT_OPTIM_PP_CAT_(a, b) a##b
#define DESCENT_OPTIM_PP_COUNT(...) \
  DESCENT_OPTIM_PP_COUNT_(__VA_ARGS__, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define DESCENT_OPTIM_PP_COUNT_(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, n, ...) n
#define DESCENT_OPTIM_PP_F1(T, m) DESCENT_OPTIM_FIELD(T, m)
#define DESCENT_OPTIM_PP_F2(T, m, ...) DESCENT_OPTIM_FIELD(T, m), DESCENT_OPTIM_PP_F1(T, __VA_ARGS__)
#define DESCENT_OPTIM_PP_F3(T, m, ...) DESCENT_OPTIM_FIELD(T, m), DESCENT_OPTIM_PP_F2(T, __VA_ARGS__)
#define DESCENT_OPTIM_PP_F4(T, m, ...) DESCENT_OPTIM_FIELD(T, m), DESCENT_OPTIM_PP_F3(T, __VA_ARGS__)
#define DESCENT_OPTIM_PP_F5(T, m, ...) DESCENT_OPTIM_FIELD(T, m), DESCENT_OPTIM_PP_F4(T, __VA_ARGS__)
#define DESCENT_OPTIM_PP_F6(T, m, ...) DESCENT_OPTIM_FIELD(T, m), DESCENT_OPTIM_PP_F5(T, __VA_ARGS__)
#define DESCENT_OPTIM_PP_F7(T, m, ...) DESCENT_OPTIM_FIELD(T, m), DESCENT_OPTIM_PP_F6(T, __VA_ARGS__)
#define DESCENT_OPTIM_PP_F8(T, m, ...) DESCENT_OPTIM_FIELD(T, m), DESCENT_OPTIM_PP_F7(T, __VA_ARGS__)
#define DESCENT_OPTIM_PP_F9(T, m, ...) DESCENT_OPTIM_FIELD(T, m), DESCENT_OPTIM_PP_F8(T, __VA_ARGS__)
#define DESCENT_OPTIM_PP_F10(T, m, ...) DESCENT_OPTIM_FIELD(T, m), DESCENT_OPTIM_PP_F9(T, __VA_ARGS__)
#define DESCENT_OPTIM_PP_F11(T, m, ...) DESCENT_OPTIM_FIELD(T, m), DESCENT_OPTIM_PP_F10(T, __VA_ARGS__)
#define DESCENT_OPTIM_PP_F12(T, m, ...) DESCENT_OPTIM_FIELD(T, m), DESCENT_OPTIM_PP_F11(T, __VA_ARGS__)

#endif  // DESCENT_OPTIM_DETAIL_FIELDS_HPP
