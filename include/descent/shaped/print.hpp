// descent/shaped/print.hpp: shaped expressions in matrix notation (text and LaTeX).
//
//   text                          LaTeX
//   W*x, x^T, 2*(W*x - y)*x^T     W \mathbf{x}, \mathbf{x}^\top
//   a .* b, a ./ b, u.^2          a \odot b, a \oslash b, u^{\circ 2}
//   dot(a, b), sum(u)             \langle a, b \rangle, \operatorname{sum}(u)
//   u[label], onehot(label)       u_{label}, e_{label}
//   segment<1, 3>(u)              u_{[1:4]}
//   fill(s)                       s \mathbf{1}
//   mean_over_samples(e)          \frac{1}{n} \sum_{i} e
//   I, diag(v)*M                  I, \operatorname{diag}(v) M         (Jacobians, Hessians)
//   rows<1:3>(M), embed_rows<1, 4>(M)
#ifndef DESCENT_SHAPED_PRINT_HPP
#define DESCENT_SHAPED_PRINT_HPP

#include <descent/print/printer.hpp>
#include <descent/shaped/jacobian.hpp>
#include <descent/shaped/jvp.hpp>
#include <descent/shaped/node.hpp>
#include <descent/shaped/symbol.hpp>

namespace descent::detail {

template <class Op, class... Cs> inline constexpr bool has_node_printer_v<op_node<Op, Cs...>> = true;
template <fixed_string N, std::size_t K> inline constexpr bool has_node_printer_v<vec<N, K>> = true;
template <fixed_string N, std::size_t R, std::size_t C> inline constexpr bool has_node_printer_v<mat<N, R, C>> = true;

template <class A, class B> inline constexpr int prec_of<op_node<sop::add, A, B>> = p_sum;
template <class A, class B> inline constexpr int prec_of<op_node<sop::sub, A, B>> = p_sum;
// An elementwise product of two shaped operands is parenthesized inside matrix products.
template <class A, class B> inline constexpr int prec_of<op_node<sop::mul, A, B>> = is_scalar_v<A> ? p_product : p_sum;
template <class A, class B> inline constexpr int prec_of<op_node<sop::div, A, B>> = p_product;
template <class A, class B> inline constexpr int prec_of<op_node<sop::matmul, A, B>> = p_product;
template <std::intmax_t P, std::intmax_t Q, class A>
inline constexpr int prec_of<op_node<sop::powc<P, Q>, A>> = (P == 1 && Q == 2) ? p_atom : p_power;
template <class A> inline constexpr int prec_of<op_node<sop::transpose, A>> = p_power;
template <class A> inline constexpr int prec_of<op_node<sop::sample_mean, A>> = p_atom;
template <class V, class M> inline constexpr int prec_of<op_node<sop::diag, V, M>> = is_eye_v<M> ? p_atom : p_product;

template <class P, std::size_t N>
constexpr void put_fmt(P& p, const char (&text)[N], std::string_view latex) {
  if constexpr (P::fmt == format::latex) p.out.put(latex);
  else p.out.put(std::string_view(text, N - 1));
}

template <fixed_string N, std::size_t K>
struct node_printer<vec<N, K>> {
  template <class P> static constexpr void print(P& p) {
    if constexpr (P::fmt == format::latex) { p.out.put("\\mathbf{"); p.out.put(N.view()); p.out.put('}'); }
    else p.out.put(N.view());
  }
};
template <fixed_string N, std::size_t R, std::size_t C>
struct node_printer<mat<N, R, C>> {
  template <class P> static constexpr void print(P& p) {
    if constexpr (P::fmt == format::latex && N.size() > 1) { p.out.put("\\mathrm{"); p.out.put(N.view()); p.out.put('}'); }
    else p.out.put(N.view());
  }
};

template <class P> inline constexpr bool has_node_printer_v<direction<P>> = true;
template <class Q>
struct node_printer<direction<Q>> {
  template <class P> static constexpr void print(P& p) {
    p.out.put(P::fmt == format::latex ? "\\dot{" : "dir(");
    p.template print<Q>(0);
    p.out.put(P::fmt == format::latex ? "}" : ")");
  }
};

// Binary operators: a <op> b with the operands at the given precedences.
template <class A, class B, int PA, int PB, class P>
constexpr void print_infix(P& p, std::string_view text, std::string_view latex) {
  p.template print<A>(PA);
  p.out.put(P::fmt == format::latex ? latex : text);
  p.template print<B>(PB);
}
template <class P, class... As>
constexpr void print_call(P& p, std::string_view text, std::string_view latex) {
  p.out.put(P::fmt == format::latex ? latex : text);
  p.out.put(P::fmt == format::latex ? "\\left(" : "(");
  bool first = true;
  (void)std::initializer_list<int>{((first ? void() : p.out.put(", ")), first = false, p.template print<As>(0), 0)...};
  p.out.put(P::fmt == format::latex ? "\\right)" : ")");
}

template <class A, class B>
struct node_printer<op_node<sop::add, A, B>> {
  template <class P> static constexpr void print(P& p) { print_infix<A, B, p_sum, p_sum + 1>(p, " + ", " + "); }
};
template <class A, class B>
struct node_printer<op_node<sop::sub, A, B>> {
  template <class P> static constexpr void print(P& p) { print_infix<A, B, p_sum, p_sum + 1>(p, " - ", " - "); }
};
template <class A, class B>
struct node_printer<op_node<sop::mul, A, B>> {
  template <class P> static constexpr void print(P& p) {
    if constexpr (is_scalar_v<A> && std::is_same_v<A, constant<-1>>) {
      p.out.put('-');
      p.template print<B>(p_product + 1);
    } else if constexpr (is_scalar_v<A>) {  // scalar factors commute with matrix products
      print_infix<A, B, p_product, p_product>(p, "*", " ");
    } else {
      print_infix<A, B, p_product, p_product + 1>(p, " .* ", " \\odot ");
    }
  }
};
template <class A, class B>
struct node_printer<op_node<sop::div, A, B>> {
  template <class P> static constexpr void print(P& p) { print_infix<A, B, p_product, p_product + 1>(p, " ./ ", " \\oslash "); }
};
template <class A, class B>
struct node_printer<op_node<sop::matmul, A, B>> {
  template <class P> static constexpr void print(P& p) { print_infix<A, B, p_product, p_product + 1>(p, "*", " "); }
};
template <class A>
struct node_printer<op_node<sop::transpose, A>> {
  template <class P> static constexpr void print(P& p) {
    p.template print<A>(p_atom);
    p.out.put(P::fmt == format::latex ? "^\\top" : "^T");
  }
};
template <class Fn, class A>
struct node_printer<op_node<sop::map<Fn>, A>> {
  template <class P> static constexpr void print(P& p) { print_call<P, A>(p, Fn::name, Fn::latex); }
};
template <std::intmax_t N, std::intmax_t D, class A>
struct node_printer<op_node<sop::powc<N, D>, A>> {
  template <class P> static constexpr void print(P& p) {
    if constexpr (N == 1 && D == 2) {
      print_call<P, A>(p, "sqrt", "\\sqrt");
    } else {
      p.template print<A>(p_atom);
      p.out.put(P::fmt == format::latex ? "^{\\circ " : ".^");
      if constexpr (D == 1 && N >= 0) put_int(p.out, N);
      else {
        p.out.put('(');
        put_int(p.out, N);
        if constexpr (D != 1) { p.out.put('/'); put_int(p.out, D); }
        p.out.put(')');
      }
      if constexpr (P::fmt == format::latex) p.out.put('}');
    }
  }
};
template <class A, class B>
struct node_printer<op_node<sop::dot, A, B>> {
  template <class P> static constexpr void print(P& p) {
    if constexpr (P::fmt == format::latex) {
      p.out.put("\\langle ");
      p.template print<A>(0);
      p.out.put(", ");
      p.template print<B>(0);
      p.out.put(" \\rangle");
    } else {
      print_call<P, A, B>(p, "dot", "");
    }
  }
};
template <class A>
struct node_printer<op_node<sop::sum, A>> {
  template <class P> static constexpr void print(P& p) { print_call<P, A>(p, "sum", "\\operatorname{sum}"); }
};
template <class A>
struct node_printer<op_node<sop::lse, A>> {
  template <class P> static constexpr void print(P& p) { print_call<P, A>(p, "logsumexp", "\\operatorname{logsumexp}"); }
};
template <class A, class L>
struct node_printer<op_node<sop::at, A, L>> {
  template <class P> static constexpr void print(P& p) {
    p.template print<A>(p_atom);
    p.out.put(P::fmt == format::latex ? "_{" : "[");
    p.template print<L>(0);
    p.out.put(P::fmt == format::latex ? "}" : "]");
  }
};
template <std::size_t N, class L>
struct node_printer<op_node<sop::onehot<N>, L>> {
  template <class P> static constexpr void print(P& p) {
    if constexpr (P::fmt == format::latex) { p.out.put("e_{"); p.template print<L>(0); p.out.put('}'); }
    else print_call<P, L>(p, "onehot", "");
  }
};
template <std::size_t Off, std::size_t K, class A>
struct node_printer<op_node<sop::slice<Off, K>, A>> {
  template <class P> static constexpr void print(P& p) {
    p.template print<A>(p_atom);
    p.out.put(P::fmt == format::latex ? "_{" : "[");
    put_int(p.out, static_cast<std::intmax_t>(Off));
    p.out.put(':');
    put_int(p.out, static_cast<std::intmax_t>(Off + K));
    p.out.put(P::fmt == format::latex ? "}" : "]");
  }
};
// name<a, b>(A) in text, \operatorname{name}_{a}^{b}(A) in LaTeX (Sep between a and b).
template <class A, class P>
constexpr void print_indexed(P& p, std::string_view text, std::string_view latex, std::intmax_t a, std::intmax_t b,
                             std::string_view sep, std::string_view latex_sep) {
  p.out.put(P::fmt == format::latex ? latex : text);
  put_int(p.out, a);
  p.out.put(P::fmt == format::latex ? latex_sep : sep);
  put_int(p.out, b);
  p.out.put(P::fmt == format::latex ? "}\\left(" : ">(");
  p.template print<A>(0);
  p.out.put(P::fmt == format::latex ? "\\right)" : ")");
}
template <std::size_t Off, std::size_t N, class A>
struct node_printer<op_node<sop::embed<Off, N>, A>> {
  template <class P> static constexpr void print(P& p) {
    print_indexed<A>(p, "embed<", "\\operatorname{embed}_{", static_cast<std::intmax_t>(Off), static_cast<std::intmax_t>(N), ", ", "}^{");
  }
};
template <std::size_t R, std::size_t C, class S>
struct node_printer<op_node<sop::bcast<R, C>, S>> {
  template <class P> static constexpr void print(P& p) {
    if constexpr (P::fmt == format::latex) { p.template print<S>(p_product); p.out.put(" \\mathbf{1}"); }
    else print_call<P, S>(p, "fill", "");
  }
};
template <std::size_t N>
struct node_printer<op_node<sop::eye<N>>> {
  template <class P> static constexpr void print(P& p) { p.out.put('I'); }
};
template <class V, class M>
struct node_printer<op_node<sop::diag, V, M>> {
  template <class P> static constexpr void print(P& p) {
    print_call<P, V>(p, "diag", "\\operatorname{diag}");
    if constexpr (!is_eye_v<M>) {  // diag(v)*I is diag(v)
      p.out.put(P::fmt == format::latex ? " " : "*");
      p.template print<M>(p_product + 1);
    }
  }
};
template <std::size_t Off, std::size_t K, class A>
struct node_printer<op_node<sop::row_block<Off, K>, A>> {
  template <class P> static constexpr void print(P& p) {
    print_indexed<A>(p, "rows<", "\\operatorname{rows}_{", static_cast<std::intmax_t>(Off), static_cast<std::intmax_t>(Off + K), ":", ":");
  }
};
template <std::size_t Off, std::size_t N, class A>
struct node_printer<op_node<sop::row_embed<Off, N>, A>> {
  template <class P> static constexpr void print(P& p) {
    print_indexed<A>(p, "embed_rows<", "\\operatorname{embed\\_rows}_{", static_cast<std::intmax_t>(Off), static_cast<std::intmax_t>(N), ", ", "}^{");
  }
};
template <class A>
struct node_printer<op_node<sop::sample_sum, A>> {
  template <class P> static constexpr void print(P& p) {
    if constexpr (P::fmt == format::latex) { p.out.put("\\sum_{i} "); p.template print<A>(p_product); }
    else print_call<P, A>(p, "sum_over_samples", "");
  }
};
template <class A>
struct node_printer<op_node<sop::sample_mean, A>> {
  template <class P> static constexpr void print(P& p) {
    if constexpr (P::fmt == format::latex) { p.out.put("\\frac{1}{n} \\sum_{i} "); p.template print<A>(p_product); }
    else print_call<P, A>(p, "mean_over_samples", "");
  }
};

}  // namespace descent::detail

#endif
