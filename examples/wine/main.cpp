// Wine (178 wines, 13 chemical measurements, 3 cultivars): softmax regression fitted by L-BFGS.
#include "../common/softmax_example.hpp"

int main() { return example::softmax_regression<13, 3>("wine", "data/wine_data.csv", 1e-3, 3); }
