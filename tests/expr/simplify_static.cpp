// Simplified forms, pinned at compile time: exact constant folding, the identities, like
// terms and factors, and the canonical order that gives equal expressions one type.
// Compiling this file is the test.
#include <type_traits>

#include <descent/expr.hpp>
#include <descent/print.hpp>

namespace {

using namespace descent::literals;
using descent::constant;
using std::is_same_v;

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;
constexpr descent::var<"z"> z;

template <class A, class B>
constexpr bool same(const A&, const B&) { return is_same_v<A, B>; }

// ---- exact constants ------------------------------------------------------------------
static_assert(same(2_c, constant<2>{}));
static_assert(same(0.5_c, constant<1, 2>{}));
static_assert(same(0.25_c, 1_c / 4_c));
static_assert(same(1'000_c, constant<1000>{}));
static_assert(same(constant<2, 4>{}, constant<1, 2>{}));  // lowest terms
static_assert(same(constant<3, -6>{}, constant<-1, 2>{}));  // positive denominator
static_assert(same(1_c / 2_c + 1_c / 3_c, constant<5, 6>{}));
static_assert(same(1_c / 2_c - 1_c / 3_c, constant<1, 6>{}));
static_assert(same(2_c / 3_c * (9_c / 4_c), constant<3, 2>{}));
static_assert(same((1_c / 3_c) / (2_c / 9_c), constant<3, 2>{}));
static_assert(same(-(3_c / 4_c), constant<-3, 4>{}));
static_assert(same(1_c / 3_c + 1_c / 3_c + 1_c / 3_c, 1_c));
static_assert(same(0.1_c + 0.2_c, 0.3_c));  // exact, unlike doubles
static_assert(same(descent::pow(2_c, 10_c), constant<1024>{}));
static_assert(same(descent::pow(2_c / 3_c, -2_c), constant<9, 4>{}));
static_assert(same(descent::sqrt(9_c / 4_c), constant<3, 2>{}));  // exact roots
static_assert(same(descent::pow(8_c, 1_c / 3_c), 2_c));
static_assert(same(descent::pow(4_c, 3_c / 2_c), 8_c));
static_assert(!descent::detail::is_constant_v<decltype(descent::sqrt(2_c))>);  // sqrt(2) stays symbolic
static_assert(descent::to_string(descent::sqrt(2_c)) == "sqrt(2)");
static_assert(descent::to_string(1_c / 2_c + 1_c / 3_c) == "5/6");

// ---- identities ---------------------------------------------------------------------------
static_assert(same(0_c + x, x));
static_assert(same(x + 0_c, x));
static_assert(same(1_c * x, x));
static_assert(same(x * 1_c, x));
static_assert(same(0_c * x, 0_c));
static_assert(same(x * 0_c, 0_c));
static_assert(same(0_c * descent::exp(x * y), 0_c));
static_assert(same(x - x, 0_c));
static_assert(same(descent::sin(x) - descent::sin(x), 0_c));
static_assert(same(x / 1_c, x));
static_assert(same(x / x, 1_c));
static_assert(same(descent::pow(x, 1_c), x));
static_assert(same(descent::pow(x, 0_c), 1_c));
static_assert(same(descent::pow(descent::sin(x) + y, 0_c), 1_c));
static_assert(same(-(-x), x));
static_assert(same(+x, x));
static_assert(same(x - 0_c, x));
static_assert(same(0_c - x, -x));
static_assert(same(descent::exp(0_c), 1_c));
static_assert(same(descent::log(1_c), 0_c));
static_assert(same(descent::log(descent::exp(x)), x));
static_assert(same(descent::exp(descent::log(x)), x));
static_assert(same(descent::sin(0_c), 0_c));
static_assert(same(descent::cos(0_c), 1_c));
static_assert(same(descent::sigmoid(0_c), 1_c / 2_c));
static_assert(same(descent::abs(-3_c / 2_c), 3_c / 2_c));
static_assert(same(descent::abs(descent::abs(x)), descent::abs(x)));
static_assert(same(descent::relu(-2_c), 0_c));
static_assert(same(descent::max(2_c, 3_c), 3_c));
static_assert(same(descent::min(2_c, 3_c), 2_c));
static_assert(same(descent::max(x, x), x));
static_assert(same(descent::logsumexp(x, y), descent::logsumexp(y, x)));

// ---- like terms and like factors ------------------------------------------------------
static_assert(same(x * x, descent::sq(x)));
static_assert(same(x * x * x, descent::pow(x, 3_c)));
static_assert(same(2_c * x + 3_c * x, 5_c * x));
static_assert(same(x + x, 2_c * x));
static_assert(same(x + y - x, y));
static_assert(same(x * y / x, y));
static_assert(same(descent::sq(x) * descent::pow(x, -3_c), 1_c / x));
static_assert(same(descent::sqrt(x) * descent::sqrt(x), x));
static_assert(same(descent::pow(descent::sq(x), 3_c), descent::pow(x, 6_c)));
static_assert(same(descent::sq(2_c * x * y), 4_c * descent::sq(x) * descent::sq(y)));
static_assert(same(2_c * (x + y) - 2_c * y, 2_c * x));  // a numeric factor distributes over a sum term
static_assert(same(x * descent::sin(y) + 2_c * descent::sin(y) * x, 3_c * x * descent::sin(y)));
static_assert(same(1_c / 2_c * x + 1_c / 3_c * x, 5_c / 6_c * x));
static_assert(same(descent::pow(x, y) * descent::pow(x, z), descent::pow(x, y + z)));
static_assert(descent::to_string(x * x) == "x^2");
static_assert(descent::to_string(2_c * x + 3_c * x) == "5*x");
static_assert(descent::to_string(x + 1_c + x + 2_c) == "3 + 2*x");
// Sums are not expanded (derivatives stay small): (x + y)^2 stays a power of a sum.
static_assert(descent::to_string(descent::sq(x + y)) == "(x + y)^2");
// (the order of the two factors follows their structural hashes)
static_assert(descent::to_string((x + y) * (x - y)) == "(x + y)*(x - y)" ||
              descent::to_string((x + y) * (x - y)) == "(x - y)*(x + y)");
// Non-integer powers of powers are left alone: (x^2)^(1/2) is |x|, not x.
static_assert(descent::to_string(descent::sqrt(descent::sq(x))) == "sqrt(x^2)");

// ---- canonical order: equal expressions have one type ------------------------------------
static_assert(same(x * y, y * x));
static_assert(same(x + y, y + x));
static_assert(same(x + y + z, z + (y + x)));
static_assert(same(x * y * z, z * (x * y)));
static_assert(same((x + 1_c) * (y + 2_c), (2_c + y) * (1_c + x)));
static_assert(same(descent::sin(x) * descent::cos(y), descent::cos(y) * descent::sin(x)));
static_assert(same(descent::max(x, y), descent::max(y, x)));
static_assert(same(descent::min(x * y, descent::sin(z)), descent::min(descent::sin(z), y * x)));
static_assert(same(descent::logsumexp(x, y, z), descent::logsumexp(z, x, y)));
static_assert(same(x - y, -y + x));
static_assert(same(x / y, x * descent::pow(y, -1_c)));
static_assert(!same(x - y, y - x));
static_assert(!same(descent::pow(x, y), descent::pow(y, x)));

// ---- expressions without runtime numbers are empty literal types ---------------------
static_assert(std::is_empty_v<decltype(descent::sq(1_c - x) + 100_c * descent::sq(y - descent::sq(x)))>);
static_assert(std::is_trivially_copyable_v<decltype(2.5 * x)>);
static_assert(sizeof(2.5 * x + 1.5 * y) == 2 * sizeof(double));
static_assert(descent::expression<decltype(x)>);
static_assert(descent::expression<decltype(2.5 * x)>);
static_assert(!descent::expression<double>);

}  // namespace
