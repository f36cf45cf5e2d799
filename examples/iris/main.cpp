// Iris (150 flowers, 4 measurements, 3 species): softmax regression fitted by L-BFGS.
#include "../common/softmax_example.hpp"

int main() { return example::softmax_regression<4, 3>("iris", "data/iris.csv", 1e-3, 3); }
