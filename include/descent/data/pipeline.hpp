#ifndef DESCENT_DATA_PIPELINE_HPP
#define DESCENT_DATA_PIPELINE_HPP

// The data pipeline, with range-v3 (the only descent header that includes it: about 1 s
// more per translation unit, see docs/data.md): per epoch, the rows in a seeded order
// (Fisher-Yates over splitmix64: the same batches on every compiler), cut into batches with
// views::chunk, each batch a std::span<const std::size_t> of row indices.  Full-batch
// gradient descent, SGD and mini-batches are one pipeline with different batch_options
// (descent/data/batching.hpp):
//
//   descent::data::batches b(split.train.size(), descent::data::mini_batches(32, 7));
//   for (std::size_t e = 0; e < epochs; ++e)
//     for (std::span<const std::size_t> rows : b.epoch(e)) ...   // b.batches_per_epoch() of them
//
// examples(d, rows) zips the feature rows of a batch with their targets.

#include <descent/data/batching.hpp>
#include <descent/data/matrix.hpp>
#include <descent/data/random.hpp>
#include <descent/data/split.hpp>

#include <range/v3/view/chunk.hpp>
#include <range/v3/view/transform.hpp>
#include <range/v3/view/zip.hpp>

#include <cstddef>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace descent::data {

class batches {
 public:
  // Batches over rows 0..rows-1.
  explicit batches(std::size_t rows, batch_options opt = full_batch())
      : batches(iota(rows), opt) {}
  // Batches over the given rows (e.g. the training rows of a split or a fold).
  explicit batches(std::vector<std::size_t> rows, batch_options opt = full_batch())
      : base_(std::move(rows)), opt_(opt) {
    if (base_.empty()) throw std::invalid_argument("descent::data::batches: no rows to batch");
    size_ = opt_.size == 0 ? base_.size() : opt_.size;
    count_ = base_.size() / size_ + (!opt_.drop_last && base_.size() % size_ != 0 ? 1 : 0);
    if (count_ == 0)
      throw std::invalid_argument("descent::data::batches: drop_last with batches of " +
                                  std::to_string(opt_.size) + " rows leaves no batch of " +
                                  std::to_string(base_.size()) + " rows");
    if (size_ > base_.size()) size_ = base_.size();  // one batch smaller than asked: all rows
  }

  std::size_t rows() const noexcept { return count_ * size_ < base_.size() ? count_ * size_ : base_.size(); }
  std::size_t batch_size() const noexcept { return size_; }  // the full batch: all rows
  std::size_t batches_per_epoch() const noexcept { return count_; }
  const batch_options& options() const noexcept { return opt_; }

  // The batches of epoch e (0-based): a random-access range of std::span<const std::size_t>.
  // The order depends only on (seed, e), so training can resume at any epoch.  The spans
  // point into this object and stay valid until the next call of epoch().
  auto epoch(std::size_t e) {
    order_ = base_;
    if (opt_.shuffle && size_ < base_.size()) {
      splitmix64 g(stream_seed(opt_.seed, e));
      shuffle_indices(order_, g);
    }
    return std::span<const std::size_t>(order_.data(), rows()) | ranges::views::chunk(size_) |
           ranges::views::transform([](auto&& chunk) {
             return std::span<const std::size_t>(&*ranges::begin(chunk),
                                                 static_cast<std::size_t>(ranges::distance(chunk)));
           });
  }

  // Epoch e's order of rows (all batches in sequence), after epoch(e).
  std::span<const std::size_t> order() const noexcept { return {order_.data(), rows()}; }

 private:
  static std::vector<std::size_t> iota(std::size_t n) {
    std::vector<std::size_t> v(n);
    std::iota(v.begin(), v.end(), std::size_t{0});
    return v;
  }
  std::vector<std::size_t> base_, order_;
  batch_options opt_;
  std::size_t size_ = 0, count_ = 0;
};

static_assert(batch_source<batches>);

// The examples of one batch: (feature row, target) pairs of `d` for the rows in `rows`, a
// zip of two views.  A row index outside `d` throws std::out_of_range when it is reached.
template <class T>
auto examples(const dataset<T>& d, std::span<const std::size_t> rows) {
  if (d.targets.size() != d.size())
    throw std::invalid_argument("descent::data::examples: the data set" +
                                (d.source.empty() ? std::string() : " " + d.source) + " has " +
                                std::to_string(d.targets.size()) + " targets for " +
                                std::to_string(d.size()) + " rows");
  auto check = [&d](std::size_t i) {
    if (i >= d.size())
      throw std::out_of_range("descent::data::examples: row " + std::to_string(i) +
                              " of a data set with " + std::to_string(d.size()) + " rows");
    return i;
  };
  auto features = rows | ranges::views::transform([&d, check](std::size_t i) {
                    return d.features.row(check(i));
                  });
  auto targets = rows | ranges::views::transform([&d, check](std::size_t i) {
                   return d.targets[check(i)];
                 });
  return ranges::views::zip(std::move(features), std::move(targets));
}

}  // namespace descent::data

#endif
