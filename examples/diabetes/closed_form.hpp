// examples/diabetes/closed_form.hpp: least squares with an intercept, by QR (closed_form.cpp).
#ifndef DESCENT_EXAMPLES_DIABETES_CLOSED_FORM_HPP
#define DESCENT_EXAMPLES_DIABETES_CLOSED_FORM_HPP

#include <descent/data/matrix.hpp>

#include <vector>

// The weights (one per column of X), then the intercept.
std::vector<double> least_squares(const descent::data::matrix<double>& X, const std::vector<double>& y);

#endif
