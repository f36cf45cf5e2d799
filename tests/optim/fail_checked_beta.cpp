#include <descent/optim/named.hpp>
constexpr auto bad = descent::optim::checked(descent::optim::adam_options{.beta1 = 1.5});
int main() {}
