// Extractor::extract_many: pages on several threads, results in input order.
//
// Workers take pages from the caller's `next` one at a time, in order, read
// (BatchOptions::load) and extract them, and leave each result in its slot;
// the calling thread hands the slots to `done` in order. A window bounds how
// far the workers run ahead of `done`, so that memory stays flat on a stream
// of any length.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <new>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "extractor/extractor.h"

namespace extractor {
namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(100);

// A page read, extracted and (with BatchOptions::document) rendered. Never
// throws for the page's own failures: they become its error.
BatchResult process(const Extractor& ex, BatchPage& page, const BatchOptions& options) {
  if (page.error.empty() && options.load) {
    try {
      options.load(page);
    } catch (const std::exception& e) {
      page.error = e.what();
    } catch (...) {
      page.error = "extractor: unknown error";
    }
  }
  BatchResult r;
  r.index = page.index;
  r.source = std::move(page.source);
  r.fields = std::move(page.fields);
  auto failed = [&](std::string message) {
    r.result = Result();
    r.explain_html.clear();
    r.error = std::move(message);
  };
  if (!page.error.empty()) {
    failed(std::move(page.error));
  } else {
    try {
      const std::string_view html = page.html.empty() ? page.owned : page.html;
      if (options.explain) {
        Explained e = ex.explain(html, page.info);
        r.result = std::move(e.result);
        r.explain_html = std::move(e.html);
      } else {
        r.result = ex.extract(html, page.info);
      }
    } catch (const std::bad_alloc&) {
      failed("extractor: out of memory");
    } catch (const std::exception& e) {
      failed(e.what());
    } catch (...) {
      failed("extractor: unknown error");
    }
  }
  { std::string gone(std::move(page.owned)); }  // the bytes go before the document is made
  if (options.document) {
    r.document = r.error.empty()
                     ? render_document(r.result, r.source, *options.document, r.fields)
                     : render_error(r.source, r.error, *options.document, r.fields);
    r.result = Result();
  }
  return r;
}

class Batch {
 public:
  Batch(const Extractor& ex, const std::function<bool(BatchPage&)>& next,
        const std::function<bool(BatchResult&)>& done, const BatchOptions& options,
        unsigned threads)
      : ex_(ex),
        next_(next),
        done_(done),
        options_(options),
        window_(options.window > 0 ? options.window : 8 * std::size_t{threads}) {}

  // On `threads` workers (the calling thread alone when fewer than two, or
  // when no thread can be started).
  std::size_t run(unsigned threads) {
    std::vector<std::thread> pool;
    if (threads > 1) {
      try {
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back([this] { work(); });
      } catch (const std::system_error&) {
        // Fewer threads than asked (a process limit): the ones started suffice.
      }
    }
    if (pool.empty()) {
      run_here();
    } else {
      hand_back();
      for (std::thread& t : pool) t.join();
    }
    if (error_) std::rethrow_exception(error_);
    return handed_;
  }

 private:
  // Stops the batch; keeps the first exception, rethrown by run().
  void stop(std::exception_ptr e) {
    std::lock_guard<std::mutex> lock(mu_);
    if (e && !error_) error_ = e;
    stop_ = true;
    cv_.notify_all();
  }

  // The next page from the caller, in order; false at the end or on a stop.
  bool take(BatchPage& page) {
    std::lock_guard<std::mutex> producing(next_mu_);  // one producer at a time
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] { return stop_ || ended_ || taken_ < finished_ + window_; });
      if (stop_ || ended_) return false;
      page.index = taken_;
    }
    const bool more = call([&] { return next_(page); });
    std::lock_guard<std::mutex> lock(mu_);
    if (!more) {
      ended_ = true;
      cv_.notify_all();
      return false;
    }
    ++taken_;
    slots_.emplace_back();
    return true;
  }

  void work() {
    for (;;) {
      BatchPage page;
      if (!take(page)) return;
      try {
        BatchResult r = process(ex_, page, options_);
        std::lock_guard<std::mutex> lock(mu_);
        slots_[r.index - handed_] = std::move(r);
      } catch (...) {  // out of memory writing the document, say
        stop(std::current_exception());
        return;
      }
      cv_.notify_all();
    }
  }

  // The calling thread: each result to `done`, in order.
  void hand_back() {
    for (;;) {
      BatchResult r;
      {
        std::unique_lock<std::mutex> lock(mu_);
        for (;;) {
          if (poll_due()) {
            lock.unlock();
            keep_going();
            lock.lock();
          }
          if (stop_ || (!slots_.empty() && slots_.front()) || (ended_ && handed_ == taken_))
            break;
          if (options_.poll) {
            cv_.wait_until(lock, next_poll_);
          } else {
            cv_.wait(lock);
          }
        }
        if (stop_ || slots_.empty()) {  // stopped, or every page handed back
          stop_ = true;
          cv_.notify_all();
          return;
        }
        r = std::move(*slots_.front());
        slots_.pop_front();
        ++handed_;
      }
      if (!hand(r)) return;
    }
  }

  // With no worker thread: take, process and hand back, one page at a time.
  void run_here() {
    for (;;) {
      BatchPage page;
      if ((poll_due() && !keep_going()) || !take(page)) return;
      BatchResult r;
      try {
        r = process(ex_, page, options_);
      } catch (...) {
        stop(std::current_exception());
        return;
      }
      {
        std::lock_guard<std::mutex> lock(mu_);
        slots_.pop_front();
        ++handed_;
      }
      if (!hand(r)) return;
    }
  }

  // `done` with one result; then the window moves on.
  bool hand(BatchResult& r) {
    if (!call([&] { return done_(r); })) {
      stop(nullptr);
      return false;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++finished_;
    }
    cv_.notify_all();
    return true;
  }

  // Whether BatchOptions::poll is to be called now (every kPollInterval).
  bool poll_due() const {
    return options_.poll && std::chrono::steady_clock::now() >= next_poll_;
  }

  // Calls BatchOptions::poll; false (the batch stopped) when it says so or throws.
  bool keep_going() {
    next_poll_ = std::chrono::steady_clock::now() + kPollInterval;
    if (call(options_.poll)) return true;
    stop(nullptr);
    return false;
  }

  // A caller's callback; an exception it throws stops the batch (run()
  // rethrows it) and reads as false.
  template <typename F>
  bool call(const F& f) {
    try {
      return f();
    } catch (...) {
      stop(std::current_exception());
      return false;
    }
  }

  const Extractor& ex_;
  const std::function<bool(BatchPage&)>& next_;
  const std::function<bool(BatchResult&)>& done_;
  const BatchOptions& options_;
  const std::size_t window_;

  std::mutex next_mu_;  // held while `next` runs
  std::mutex mu_;       // guards what follows
  std::condition_variable cv_;
  std::deque<std::optional<BatchResult>> slots_;  // pages handed_ .. taken_ - 1
  std::size_t taken_ = 0;     // pages `next` gave
  std::size_t handed_ = 0;    // results taken out of their slots for `done`
  std::size_t finished_ = 0;  // results `done` returned from
  bool ended_ = false;  // `next` said there is no more
  bool stop_ = false;
  std::exception_ptr error_;
  // The calling thread's only: when BatchOptions::poll is next called.
  std::chrono::steady_clock::time_point next_poll_ =
      std::chrono::steady_clock::now() + kPollInterval;
};

}  // namespace

std::size_t Extractor::extract_many(const std::function<bool(BatchPage&)>& next,
                                    const std::function<bool(BatchResult&)>& done,
                                    const BatchOptions& options) const {
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  Batch batch(*this, next, done, options, threads);
  return batch.run(threads);
}

}  // namespace extractor
