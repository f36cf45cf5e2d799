// descent/shaped/detail/workers.hpp: the threads of a shaped objective, and aligned buffers.
//
// worker_pool(t) keeps t - 1 threads waiting; run(items, job) calls job(worker, item) once for
// every item in [0, items), worker in [0, t) (worker 0 is the calling thread), and returns
// when all are done.  Which worker takes which item varies from run to run, so a job must
// write its result where the item (not the worker) says: that is what makes the reductions
// of shaped/objective.hpp give the same bits for any number of threads.  An exception thrown
// by a job is rethrown by run(): the one of the lowest item, the others are dropped.
//
// aligned_buffer: doubles on a 64-byte boundary, so that Eigen's vectorised loops peel the same
// entries whichever buffer (whichever thread's) holds a value.
#ifndef DESCENT_SHAPED_DETAIL_WORKERS_HPP
#define DESCENT_SHAPED_DETAIL_WORKERS_HPP

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>
// std::chrono::steady_clock (the workers' spin): with libstdc++ from the header that defines
// the clocks, without <chrono>'s C++20 calendar and time zones (about 0.15 s of g++ in every
// translation unit that includes this one).
#if defined(__GLIBCXX__) && __has_include(<bits/chrono.h>)
#include <bits/chrono.h>
#else
#include <chrono>
#endif

namespace descent::detail {

class aligned_buffer {
 public:
  static constexpr std::size_t alignment = 64;
  aligned_buffer() = default;
  explicit aligned_buffer(std::size_t n) { resize(n); }
  aligned_buffer(const aligned_buffer& o) : aligned_buffer(o.size_) { std::copy_n(o.data(), size_, data()); }
  aligned_buffer& operator=(const aligned_buffer& o) {
    if (this != &o) {
      resize(o.size_);
      std::copy_n(o.data(), size_, data());
    }
    return *this;
  }
  aligned_buffer(aligned_buffer&&) noexcept = default;
  aligned_buffer& operator=(aligned_buffer&&) noexcept = default;

  // Grows to n numbers (zeros; the old values are not kept); never shrinks.
  void resize(std::size_t n) {
    if (n <= capacity_) {
      size_ = n;
      return;
    }
    p_.reset(static_cast<double*>(::operator new[](n * sizeof(double), std::align_val_t{alignment})));
    std::fill_n(p_.get(), n, 0.0);
    size_ = capacity_ = n;
  }
  double* data() noexcept { return p_.get(); }
  const double* data() const noexcept { return p_.get(); }
  std::size_t size() const noexcept { return size_; }

 private:
  struct release {
    void operator()(double* p) const noexcept { ::operator delete[](p, std::align_val_t{alignment}); }
  };
  std::unique_ptr<double[], release> p_;
  std::size_t size_ = 0, capacity_ = 0;
};

class worker_pool {
 public:
  explicit worker_pool(std::size_t threads) : size_(std::max<std::size_t>(threads, 1)) {
    threads_.reserve(size_ - 1);
    for (std::size_t w = 1; w < size_; ++w) threads_.emplace_back([this, w] { serve(w); });
  }
  worker_pool(const worker_pool&) = delete;
  worker_pool& operator=(const worker_pool&) = delete;
  ~worker_pool() {
    {
      std::lock_guard lock(m_);
      stop_ = true;
      published_.store(generation_ + 1, std::memory_order_release);
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();
  }

  std::size_t size() const noexcept { return size_; }

  template <class Job>
  void run(std::size_t items, Job&& job) {
    if (items == 0) return;
    if (size_ == 1 || items == 1) {  // no thread to wake
      for (std::size_t i = 0; i < items; ++i) job(std::size_t{0}, i);
      return;
    }
    run_erased(items, [](void* j, std::size_t w, std::size_t i) { (*static_cast<std::remove_reference_t<Job>*>(j))(w, i); },
               &job);
  }

 private:
  // run() past its template: compiled once, not once per job type.
  void run_erased(std::size_t items, void (*call)(void*, std::size_t, std::size_t), void* job) {
    std::unique_lock lock(m_);
    job_ = job;
    call_ = call;
    items_ = items;
    next_.store(0, std::memory_order_relaxed);
    busy_ = size_ - 1;
    failed_item_ = items;
    error_ = nullptr;
    ++generation_;
    published_.store(generation_, std::memory_order_release);
    lock.unlock();
    wake_.notify_all();
    work(0);
    lock.lock();
    done_.wait(lock, [&] { return busy_ == 0; });
    job_ = nullptr;
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  }

  void serve(std::size_t w) {
    std::size_t seen = 0;
    for (;;) {
      // Spin a little before sleeping: evaluations of an optimizer's loop come back to back,
      // and waking a sleeping thread can cost more than a small job (tens of microseconds).
      const auto until = std::chrono::steady_clock::now() + spin_;
      while (published_.load(std::memory_order_acquire) == seen && std::chrono::steady_clock::now() < until) spin_pause();
      std::unique_lock lock(m_);
      wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
      lock.unlock();
      work(w);
      lock.lock();
      if (--busy_ == 0) done_.notify_one();
    }
  }
  void work(std::size_t w) {
    for (std::size_t i; (i = next_.fetch_add(1, std::memory_order_relaxed)) < items_;) {
      try {
        call_(job_, w, i);
      } catch (...) {
        std::lock_guard lock(m_);
        if (i < failed_item_) {
          failed_item_ = i;
          error_ = std::current_exception();
        }
      }
    }
  }

  std::size_t size_;
  std::vector<std::thread> threads_;
  std::mutex m_;
  std::condition_variable wake_, done_;
  bool stop_ = false;
  std::size_t generation_ = 0, busy_ = 0, items_ = 0, failed_item_ = 0;
  std::atomic<std::size_t> next_{0}, published_{0};
  static constexpr std::chrono::microseconds spin_{200};
  static void spin_pause() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  }
  void* job_ = nullptr;
  void (*call_)(void*, std::size_t, std::size_t) = nullptr;
  std::exception_ptr error_;
};

}  // namespace descent::detail

#endif
