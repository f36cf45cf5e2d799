#ifndef DESCENT_DATA_HPP
#define DESCENT_DATA_HPP

// Data sets (namespace descent::data): row-major matrix, CSV reading (plain or gzip) with
// file:line:column errors, column selection and class labels, z-score standardisation,
// one-hot encoding, deterministic train/test and k-fold splits, batch options.
// The range-v3 batch pipeline is NOT included here (range-v3's headers cost about 1 s per
// translation unit): include <descent/data/pipeline.hpp> where batches are made.

#include <descent/data/batching.hpp>
#include <descent/data/csv.hpp>
#include <descent/data/csv_error.hpp>
#include <descent/data/gzip.hpp>
#include <descent/data/matrix.hpp>
#include <descent/data/one_hot.hpp>
#include <descent/data/random.hpp>
#include <descent/data/split.hpp>
#include <descent/data/standardize.hpp>

#endif
