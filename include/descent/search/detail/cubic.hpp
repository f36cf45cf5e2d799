#ifndef DESCENT_SEARCH_DETAIL_CUBIC_HPP
#define DESCENT_SEARCH_DETAIL_CUBIC_HPP

#include <cmath>
#include <limits>

namespace descent::search::detail {

// Minimiser of the cubic that interpolates (a, fa, da) and (b, fb, db)
// (Nocedal & Wright eq. 3.59).  NaN when the cubic has no minimiser (the caller bisects).
template <class T>
T cubic_minimizer(T a, T fa, T da, T b, T fb, T db) {
  const T nan = std::numeric_limits<T>::quiet_NaN();
  if (a == b) return nan;
  const T d1 = da + db - T(3) * (fa - fb) / (a - b);
  const T disc = d1 * d1 - da * db;
  if (!(disc >= T(0))) return nan;
  const T d2 = std::copysign(std::sqrt(disc), b - a);
  const T denom = db - da + T(2) * d2;
  if (denom == T(0)) return nan;
  return b - (b - a) * (db + d2 - d1) / denom;
}

}  // namespace descent::search::detail

#endif
