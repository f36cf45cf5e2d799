// descent/check/static_string.hpp: check_equal, a compile-time text check whose failure
// shows the actual text.
//
//   static_assert(descent::check_equal<descent::to_string(descent::d(f, y)), "200*(-x^2 + y)">);
//
// `static_assert(to_string(e) == "...")` fails with "static assertion failed" and neither
// text.  check_equal fails inside a template whose arguments spell both texts as
// characters, which both compilers print:
//   clang: error: static_assert failed due to requirement
//          'descent::the_actual_text<'2', '0', '0', ...>::equals<descent::the_expected_text<...>>'
//   g++:   error: static assertion failed: descent::check_equal<actual, "expected">: ...
//          note: 'descent::the_actual_text<'2', '0', '0', ...>::equals<...>' evaluates to false
// (g++ also shows both as strings in the "In instantiation of" line above the error).
// The actual text is any constant convertible to std::string_view that can be a template
// argument: a static_string (what to_string and to_latex return for expressions without
// runtime numbers) or a fixed_string.
#ifndef DESCENT_CHECK_STATIC_STRING_HPP
#define DESCENT_CHECK_STATIC_STRING_HPP

#include <cstddef>
#include <string_view>
#include <utility>

#include <descent/core/fixed_string.hpp>
#include <descent/print/static_string.hpp>

namespace descent {

// The texts of a failed check_equal, one character per template argument.
template <char... Expected>
struct the_expected_text {};
template <char... Actual>
struct the_actual_text {
  template <class Expected>
  static constexpr bool equals = false;
};

namespace check_detail {

template <bool Same, class Actual, class Expected>
struct text_comparison {
  static constexpr bool value = true;
};
template <class Actual, class Expected>
struct text_comparison<false, Actual, Expected> {
  static_assert(Actual::template equals<Expected>,
                "descent::check_equal<actual, \"expected\">: the texts differ; the actual text is "
                "spelled in descent::the_actual_text<...>, the expected one in "
                "descent::the_expected_text<...>");
  static constexpr bool value = false;
};

template <auto Actual, fixed_string Expected,
          class = std::make_index_sequence<std::string_view(Actual).size()>,
          class = std::make_index_sequence<Expected.size()>>
struct text_check;
template <auto Actual, fixed_string Expected, std::size_t... I, std::size_t... J>
struct text_check<Actual, Expected, std::index_sequence<I...>, std::index_sequence<J...>>
    : text_comparison<std::string_view(Actual) == Expected.view(),
                      the_actual_text<std::string_view(Actual)[I]...>,
                      the_expected_text<Expected[J]...>> {};

template <class T>
concept text_constant = requires(const T& t) { std::string_view(t); };

}  // namespace check_detail

/// check_equal<actual, "expected">: true when the texts are equal; otherwise a compile-time
/// error that spells the actual text (see above).  Use it in static_assert.
template <auto Actual, fixed_string Expected>
  requires check_detail::text_constant<decltype(Actual)>
inline constexpr bool check_equal = check_detail::text_check<Actual, Expected>::value;

}  // namespace descent

#endif  // DESCENT_CHECK_STATIC_STRING_HPP
