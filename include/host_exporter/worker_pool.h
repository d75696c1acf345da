// A pool of worker threads that runs collector tasks. It keeps up to `base`
// threads doing work; a task that has run longer than `stuck_after` (a hung
// statfs, a wedged collector) no longer counts against `base`, so more threads
// are started, up to `hard_max` in all. Idle threads beyond `base` exit after
// `idle_exit`. Thread safety: all methods may be called from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace host_exporter {

class WorkerPool {
 public:
  using Clock = std::chrono::steady_clock;
  WorkerPool(std::size_t base, std::size_t hard_max,
             std::chrono::milliseconds stuck_after = std::chrono::milliseconds(1000),
             std::chrono::milliseconds idle_exit = std::chrono::seconds(60));
  ~WorkerPool();  // waits for running tasks; queued tasks are dropped
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void Submit(std::function<void()> task);
  // Starts a thread if queued work waits behind stuck ones. Cheap; call often.
  void Poke();
  std::size_t threads() const;

 private:
  struct Worker {
    std::thread thread;
    Clock::time_point busy_since{};  // zero when idle
    bool busy = false;
    bool done = false;
  };
  void Run(Worker* w);
  void MaybeSpawnLocked();
  void ReapLocked();

  const std::size_t base_, hard_max_;
  const std::chrono::milliseconds stuck_after_, idle_exit_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<std::unique_ptr<Worker>> finished_;
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace host_exporter
