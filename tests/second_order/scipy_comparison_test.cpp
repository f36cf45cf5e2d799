// descent's iteration and evaluation counts on Rosenbrock 2-D from (-1.2, 1), next to
// scipy.optimize's (data/reference/scipy/rosenbrock.csv, written by
// scripts/reference/scipy_rosenbrock.py).  Print the table with
//   build/<dir>/tests/second_order/second_order_scipy_comparison --log_level=message
#include <descent/second_order/lbfgs.hpp>
#include <descent/second_order/newton.hpp>
#include <descent/second_order/nonlinear_cg.hpp>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/problems.hpp"

namespace {

struct scipy_row {
  long iterations = 0, nfev = 0, njev = 0, nhev = 0;
  double grad_norm = 0;
};

std::map<std::string, scipy_row> read_scipy(const char* path) {
  std::ifstream in(path);
  BOOST_TEST_REQUIRE(static_cast<bool>(in), "cannot read " << path);
  std::map<std::string, scipy_row> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
    BOOST_TEST_REQUIRE(f.size() == 8u, "malformed line in " << path << ": " << line);
    rows[f[0]] = {std::stol(f[1]), std::stol(f[2]), std::stol(f[3]), std::stol(f[4]),
                  std::stod(f[5])};
  }
  return rows;
}

template <class M>
test_problems::run_result descent_run(M& m, std::size_t& hessians) {
  test_problems::rosenbrock f;
  std::vector<double> x{-1.2, 1.0};
  const auto r = test_problems::drive(m, f, x, 1e-8, 1000);
  hessians = f.hessian_calls;
  return r;
}

}  // namespace

BOOST_AUTO_TEST_CASE(counts_next_to_scipy) {
  const auto scipy = read_scipy("data/reference/scipy/rosenbrock.csv");
  std::size_t hn = 0, hl = 0, hc = 0;
  descent::newton newton;
  descent::lbfgs lbfgs;
  descent::nonlinear_cg cg;
  const auto n = descent_run(newton, hn);
  const auto l = descent_run(lbfgs, hl);
  const auto c = descent_run(cg, hc);

  std::ostringstream t;
  t << "\n| method | iterations | f+g evaluations | Hessians | final |g|_2 |\n"
       "| --- | ---: | ---: | ---: | ---: |\n";
  auto ours = [&](const char* name, const test_problems::run_result& r, std::size_t h) {
    t << "| descent " << name << " | " << r.iterations << " | " << r.evaluations << " | " << h
      << " | " << r.grad_norm << " |\n";
  };
  auto theirs = [&](const char* name) {
    const auto& s = scipy.at(name);
    t << "| scipy " << name << " | " << s.iterations << " | " << s.nfev << " f, " << s.njev
      << " g | " << s.nhev << " | " << s.grad_norm << " |\n";
  };
  ours("newton", n, hn);
  theirs("Newton-CG");
  theirs("trust-exact");
  ours("lbfgs (m=10)", l, hl);
  theirs("L-BFGS-B");
  theirs("BFGS");
  ours("nonlinear_cg (PR+)", c, hc);
  theirs("CG");
  BOOST_TEST_MESSAGE(t.str());

  for (const auto* r : {&n, &l, &c}) BOOST_TEST(r->grad_norm < 1e-8);
  // Same ballpark as scipy (a regression here means a slower line search or update).
  BOOST_TEST(n.iterations <= static_cast<std::size_t>(scipy.at("trust-exact").iterations));
  BOOST_TEST(l.evaluations <= static_cast<std::size_t>(2 * scipy.at("L-BFGS-B").nfev));
  BOOST_TEST(c.evaluations <= static_cast<std::size_t>(2 * scipy.at("CG").nfev));
}
