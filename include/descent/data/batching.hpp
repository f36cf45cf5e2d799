#ifndef DESCENT_DATA_BATCHING_HPP
#define DESCENT_DATA_BATCHING_HPP

// How an epoch is cut into batches of row indices, without range-v3 (cheap to include): the
// options, the three named choices, and the concept a training loop takes.  The pipeline
// that produces the batches (range-v3 views) is descent/data/pipeline.hpp.
//
//   full_batch()           one batch holding every row, in order (plain gradient descent)
//   sgd(seed)              batches of one row, a new seeded order every epoch
//   mini_batches(n, seed)  batches of n rows (the last one smaller unless drop_last)

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>

namespace descent::data {

struct batch_options {
  std::size_t size = 0;     // rows per batch; 0: all rows in one batch
  bool shuffle = true;      // a seeded permutation per epoch (a single full batch keeps order)
  std::uint64_t seed = 0;   // epoch e's order depends only on (seed, e)
  bool drop_last = false;   // drop a final batch smaller than `size`
};

constexpr batch_options full_batch() noexcept { return {.size = 0, .shuffle = false}; }
constexpr batch_options sgd(std::uint64_t seed) noexcept { return {.size = 1, .seed = seed}; }
constexpr batch_options mini_batches(std::size_t size, std::uint64_t seed) noexcept {
  return {.size = size, .seed = seed};
}

// A source of per-epoch batches: `epoch(e)` is a range whose elements convert to
// std::span<const std::size_t> (the row indices of one batch); `batches_per_epoch()` counts
// them and `rows()` is the number of rows one epoch visits.
template <class B>
concept batch_source = requires(B& b, std::size_t e) {
  { b.batches_per_epoch() } -> std::convertible_to<std::size_t>;
  { b.rows() } -> std::convertible_to<std::size_t>;
  { *b.epoch(e).begin() } -> std::convertible_to<std::span<const std::size_t>>;
  b.epoch(e).end();
};

}  // namespace descent::data

#endif
