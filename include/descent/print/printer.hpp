// descent/print/printer.hpp: one printer for text and LaTeX, usable in constant expressions.
//
// Minimal parentheses by precedence (sum < product < power < atom); products print as
// numerator / denominator (x*y^-2 prints x/y^2); sums print their constant first and
// subtract negative terms (1 - x); x^(1/2) prints sqrt(x).
#ifndef DESCENT_PRINT_PRINTER_HPP
#define DESCENT_PRINT_PRINTER_HPP

#include <charconv>
#include <initializer_list>
#include <string>
#include <string_view>

#include <descent/expr/literal.hpp>
#include <descent/expr/variable.hpp>
#include <descent/node/traits.hpp>

namespace descent::detail {

enum class format { text, latex };
enum prec : int { p_sum = 1, p_product = 2, p_power = 3, p_atom = 4 };

struct count_out {
  std::size_t n = 0;
  constexpr void put(char) { ++n; }
  constexpr void put(std::string_view s) { n += s.size(); }
};
struct buffer_out {
  char* p;
  constexpr void put(char c) { *p++ = c; }
  constexpr void put(std::string_view s) { for (char c : s) *p++ = c; }
};
struct string_out {
  std::string s;
  void put(char c) { s += c; }
  void put(std::string_view v) { s += v; }
};

template <class Out>
constexpr void put_int(Out& out, std::intmax_t v) {
  if (v < 0) { out.put('-'); v = -v; }
  char buf[24]{};
  int k = 0;
  do { buf[k++] = static_cast<char>('0' + v % 10); v /= 10; } while (v > 0);
  while (k > 0) out.put(buf[--k]);
}
// Shortest round-trip form; in LaTeX 1e-05 becomes 1 \cdot 10^{-5}.
template <format Fmt, class Out>
void put_double(Out& out, double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  const std::string_view s(buf, static_cast<std::size_t>(r.ptr - buf));
  const auto e = s.find('e');
  if (Fmt == format::text || e == std::string_view::npos) {
    out.put(s);
    return;
  }
  std::string_view exp = s.substr(e + 1);
  const bool neg = !exp.empty() && exp[0] == '-';
  if (!exp.empty() && (exp[0] == '-' || exp[0] == '+')) exp.remove_prefix(1);
  while (exp.size() > 1 && exp[0] == '0') exp.remove_prefix(1);
  out.put(s.substr(0, e));
  out.put(" \\cdot 10^{");
  if (neg) out.put('-');
  out.put(exp);
  out.put('}');
}

// Precedence of a node as printed (how tightly it binds).
template <class T> inline constexpr int prec_of = p_atom;

// Nodes from other areas (vector and matrix expressions, descent/shaped) print through
// node_printer<T>, which they specialize: print(p) writes T with the printer p.
template <class T> inline constexpr bool has_node_printer_v = false;
template <class T> struct node_printer;
template <std::intmax_t N, std::intmax_t D> inline constexpr int prec_of<constant<N, D>> = (N < 0 || D != 1) ? p_product : p_atom;
template <class C, class... Ts> inline constexpr int prec_of<sum<C, Ts...>> = p_sum;
template <class C, class... Fs> inline constexpr int prec_of<product<C, Fs...>> = p_product;
template <class B, class E> inline constexpr int prec_of<power<B, E>> = p_power;
template <class B, std::intmax_t P> inline constexpr int prec_of<power<B, constant<P, 2>>> = (P == 1) ? p_atom : p_power;
template <class B, std::intmax_t P, std::intmax_t Q>
  requires(P < 0)
inline constexpr int prec_of<power<B, constant<P, Q>>> = p_product;

// Negative as a term of a sum (printed after " - " with the sign removed).
template <class T> inline constexpr bool negative_term_v = false;
template <std::intmax_t N, std::intmax_t D> inline constexpr bool negative_term_v<constant<N, D>> = N < 0;
template <std::intmax_t N, std::intmax_t D, class... Fs>
inline constexpr bool negative_term_v<product<constant<N, D>, Fs...>> = N < 0;
template <class T> struct abs_term { using type = T; };
template <std::intmax_t N, std::intmax_t D> struct abs_term<constant<N, D>> { using type = constant<-N, D>; };
template <std::intmax_t N, std::intmax_t D, class... Fs>
struct abs_term<product<constant<N, D>, Fs...>> {
  using type = std::conditional_t<N == -1 && D == 1 && sizeof...(Fs) == 1, pack_at<0, Fs...>,
                                  product<constant<-N, D>, Fs...>>;
};

template <format Fmt, class Out>
struct printer {
  static constexpr format fmt = Fmt;
  Out& out;
  const double* lits;

  // A runtime number binds like a unary minus when negative, like an atom otherwise.
  template <class T>
  constexpr int precedence() const {
    if constexpr (is_literal_v<T>) return literal_value(T{}) < 0 ? p_product : p_atom;
    else return prec_of<T>;
  }
  template <std::size_t I>
  constexpr double literal_value(literal<I>) const { return lits[I]; }

  // Set just before printing what follows a " - " sign: that must not start with a minus.
  bool after_sign = false;
  bool lead_minus_ok = true;  // read by a product as it starts

  template <class T>
  constexpr void print(int min_prec) {
    const bool signed_before = after_sign;
    after_sign = false;
    lead_minus_ok = !signed_before;
    if constexpr (is_literal_v<T>)
      if (signed_before && literal_value(T{}) < 0) min_prec = p_atom;
    if (precedence<T>() < min_prec) {
      open();
      node(T{});
      close();
    } else {
      node(T{});
    }
  }
  constexpr void open() { out.put(Fmt == format::latex ? "\\left(" : "("); }
  constexpr void close() { out.put(Fmt == format::latex ? "\\right)" : ")"); }

  template <std::intmax_t N, std::intmax_t D>
  constexpr void node(constant<N, D>) {
    if constexpr (D == 1) {
      put_int(out, N);
    } else if constexpr (Fmt == format::latex) {
      if (N < 0) out.put('-');
      out.put("\\frac{"); put_int(out, N < 0 ? -N : N); out.put("}{"); put_int(out, D); out.put('}');
    } else {
      put_int(out, N); out.put('/'); put_int(out, D);
    }
  }
  template <std::size_t I>
  constexpr void node(literal<I>) { put_double<Fmt>(out, lits[I]); }
  template <fixed_string Name>
  constexpr void node(var<Name>) {
    if constexpr (Fmt == format::latex && Name.size() > 1) { out.put("\\mathrm{"); out.put(Name.view()); out.put('}'); }
    else out.put(Name.view());
  }

  template <class C, class T, class... Ts>
  constexpr void node(sum<C, T, Ts...>) {
    bool first = true;
    if constexpr (!value_of<C>.is_zero()) { node(C{}); first = false; }
    term<T>(first);
    (void)std::initializer_list<int>{(term<Ts>(first), 0)...};
  }
  template <class T>
  constexpr void term(bool& first) {
    if constexpr (is_literal_v<T>) {
      const double v = literal_value(T{});
      if (v < 0) { out.put(first ? "-" : " - "); put_double<Fmt>(out, -v); }
      else { if (!first) out.put(" + "); put_double<Fmt>(out, v); }
    } else if constexpr (negative_term_v<T>) {
      out.put(first ? "-" : " - ");
      after_sign = true;
      print<typename abs_term<T>::type>(p_product);
    } else {
      if (!first) { out.put(" + "); after_sign = true; }
      print<T>(p_sum + 1);
    }
    first = false;
  }

  // C * numerator / denominator
  template <class C, class... Fs>
  constexpr void node(product<C, Fs...>) {
    constexpr rational c = value_of<C>;
    const bool lead_ok = c.num >= 0 && lead_minus_ok;
    constexpr std::size_t n_num = ((!is_denominator_v<Fs>) + ... + 0);
    constexpr std::size_t n_den = ((is_denominator_v<Fs>) + ... + 0);
    constexpr std::intmax_t a = c.num < 0 ? -c.num : c.num;
    constexpr bool show_num_coef = a != 1 || n_num == 0;
    constexpr bool show_den_coef = c.den != 1;
    if constexpr (c.num < 0) out.put('-');
    if constexpr (Fmt == format::latex && n_den + show_den_coef > 0) out.put("\\frac{");
    bool first = true;
    // In LaTeX a lone numerator or denominator of \frac needs no parentheses; a product may
    // start with a negative runtime number when no sign was printed before it.
    constexpr bool latex_frac = Fmt == format::latex && n_den + show_den_coef > 0;
    constexpr int num_prec = latex_frac && n_num + show_num_coef == 1 ? 0 : p_product + 1;
    constexpr int den_prec = Fmt == format::latex ? (n_den + show_den_coef == 1 ? 0 : p_product + 1)
                                                  : (n_den + show_den_coef == 1 ? p_power : p_product + 1);
    if constexpr (show_num_coef) { put_int(out, a); first = false; }
    (void)std::initializer_list<int>{(factor<Fs, false>(first, lead_ok ? p_product : num_prec, num_prec), 0)...};
    if constexpr (n_den + show_den_coef > 0) {
      constexpr bool group = Fmt == format::text && n_den + show_den_coef > 1;
      out.put(Fmt == format::latex ? "}{" : "/");
      if constexpr (group) out.put('(');
      first = true;
      if constexpr (show_den_coef) { put_int(out, c.den); first = false; }
      (void)std::initializer_list<int>{(factor<Fs, true>(first, den_prec, den_prec), 0)...};
      if constexpr (group) out.put(')');
      if constexpr (Fmt == format::latex) out.put('}');
    }
  }
  // first_prec: the precedence the first item needs (a leading minus is fine there).
  template <class F, bool Den>
  constexpr void factor(bool& first, int first_prec, int prec) {
    if constexpr (is_denominator_v<F> == Den) {
      using G = positive_factor_t<F>;
      if (!first) {
        if constexpr (Fmt == format::latex) out.put(starts_with_digit<G>() ? " \\cdot " : " ");
        else out.put('*');
      }
      print<G>(first ? (first_prec < prec ? first_prec : prec) : prec);
      first = false;
    }
  }
  template <class G>
  static constexpr bool starts_with_digit() {
    return is_constant_v<G> || is_literal_v<G> ||
           (is_power_v<G> && is_constant_v<typename factor_parts<G>::base>);
  }

  template <class B, class E>
  constexpr void node(power<B, E>) {
    if constexpr (is_constant_v<E> && value_of<E> == rational{1, 2}) {
      out.put(Fmt == format::latex ? "\\sqrt{" : "sqrt(");
      print<B>(0);
      out.put(Fmt == format::latex ? "}" : ")");
    } else if constexpr (is_constant_v<E> && value_of<E> < rational{0}) {
      if constexpr (Fmt == format::latex) out.put("\\frac{1}{");
      else out.put("1/");
      print<positive_factor_t<power<B, E>>>(Fmt == format::latex ? 0 : p_power);
      if constexpr (Fmt == format::latex) out.put('}');
    } else if constexpr (Fmt == format::latex) {
      if constexpr (is_power_v<B>) { open(); node(B{}); close(); }
      else print<B>(p_atom);
      out.put("^{");
      print<E>(0);
      out.put('}');
    } else {
      print<B>(p_atom);
      out.put('^');
      print<E>(p_atom);
    }
  }

  template <class T>
    requires has_node_printer_v<T>
  constexpr void node(T) {
    node_printer<T>::print(*this);
  }

  template <class Fn, class A, class... As>
  constexpr void node(apply<Fn, A, As...>) {
    out.put(Fmt == format::latex ? Fn::latex : Fn::name);
    if constexpr (Fmt == format::latex) { open(); print<A>(0); ((out.put(", "), print<As>(0)), ...); close(); }
    else { out.put('('); print<A>(0); ((out.put(", "), print<As>(0)), ...); out.put(')'); }
  }
};

// Printing of a list of trees: one tree plainly (Cols == 0), a vector as [a, b] (Cols == n),
// a matrix as [[a, b], [c, d]]; in LaTeX as a column vector or a pmatrix.
template <format Fmt, std::size_t Cols, class... Trees, class Out>
constexpr void print_trees(Out& out, const double* lits) {
  printer<Fmt, Out> p{out, lits};
  constexpr std::size_t n = sizeof...(Trees);
  if constexpr (Cols == 0) {
    (void)std::initializer_list<int>{(p.template print<Trees>(0), 0)...};
  } else if constexpr (Fmt == format::latex) {
    out.put("\\begin{pmatrix}");
    std::size_t i = 0;
    constexpr bool column = Cols == n;
    (void)std::initializer_list<int>{
        (out.put(i == 0 ? "" : (column || i % Cols == 0 ? " \\\\ " : " & ")), p.template print<Trees>(0), ++i, 0)...};
    out.put("\\end{pmatrix}");
  } else {
    const bool matrix = Cols != n;
    out.put(matrix ? "[[" : "[");
    std::size_t i = 0;
    (void)std::initializer_list<int>{
        (out.put(i == 0 ? "" : (i % Cols == 0 ? "], [" : ", ")), p.template print<Trees>(0), ++i, 0)...};
    out.put(matrix ? "]]" : "]");
  }
}

}  // namespace descent::detail

#endif
