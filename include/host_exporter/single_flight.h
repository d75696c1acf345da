// Overlapping calls with the same key share one computation (Go's
// golang.org/x/sync/singleflight): the first caller computes; callers that
// arrive before it has finished wait for it and share its result, or its
// exception. Nothing is kept afterwards: a call made once the computation has
// ended computes again, so no caller gets a result older than its own call's
// overlap with the computation.
// Thread safety: Do may be called from any number of threads at once.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace host_exporter {

template <class T>
class SingleFlight {
 public:
  struct Outcome {
    std::shared_ptr<const T> value;
    bool shared = false;  // computed for another caller
  };

  template <class Compute>
  Outcome Do(const std::string& key, Compute&& compute) {
    std::unique_lock lock(mu_);
    if (auto it = flights_.find(key); it != flights_.end()) {
      std::shared_ptr<Flight> f = it->second;
      ++f->waiters;
      f->cv.wait(lock, [&] { return f->done; });
      if (f->error) std::rethrow_exception(f->error);
      return {f->value, true};
    }
    auto f = std::make_shared<Flight>();
    flights_.emplace(key, f);
    lock.unlock();
    std::shared_ptr<const T> value;
    std::exception_ptr error;
    try {
      value = std::make_shared<const T>(compute());
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    flights_.erase(key);
    f->done = true;
    f->value = value;
    f->error = error;
    f->cv.notify_all();
    lock.unlock();
    if (error) std::rethrow_exception(error);
    return {std::move(value), false};
  }

  // Callers waiting for the computation of `key` now (tests).
  std::size_t Waiters(const std::string& key) const {
    std::lock_guard lock(mu_);
    auto it = flights_.find(key);
    return it == flights_.end() ? 0 : it->second->waiters;
  }

 private:
  struct Flight {
    bool done = false;
    std::size_t waiters = 0;
    std::shared_ptr<const T> value;
    std::exception_ptr error;
    std::condition_variable cv;
  };
  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<Flight>> flights_;
};

}  // namespace host_exporter
