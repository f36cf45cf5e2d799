#include <descent/optim/chain.hpp>
#include <vector>
struct my_block { template <class T> T apply(T u) const { return u; } };
int main() { descent::optim::chain<my_block> c; std::vector<double> x(2), g(2); c.step(x, g); }
