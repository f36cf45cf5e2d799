#ifndef DESCENT_DATA_HPP
#define DESCENT_DATA_HPP

// Data sets (namespace descent::data): row-major matrix, CSV reading with precise errors,
// z-score standardisation, deterministic train/test split.

#include <descent/data/csv.hpp>
#include <descent/data/matrix.hpp>
#include <descent/data/split.hpp>
#include <descent/data/standardize.hpp>

#endif
