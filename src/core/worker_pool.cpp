#include "host_exporter/worker_pool.h"

#include <algorithm>
#include <memory>

namespace host_exporter {

WorkerPool::WorkerPool(std::size_t base, std::size_t hard_max, std::chrono::milliseconds stuck_after,
                       std::chrono::milliseconds idle_exit)
    : base_(std::max<std::size_t>(1, base)),
      hard_max_(std::max(base_, hard_max)),
      stuck_after_(stuck_after),
      idle_exit_(idle_exit) {}

WorkerPool::~WorkerPool() {
  std::vector<std::unique_ptr<Worker>> all;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    queue_.clear();
    all = std::move(workers_);
    for (auto& w : finished_) all.push_back(std::move(w));
  }
  cv_.notify_all();
  for (auto& w : all) {
    if (w->thread.joinable()) w->thread.join();
  }
}

void WorkerPool::Submit(std::function<void()> task) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(task));
    MaybeSpawnLocked();
  }
  cv_.notify_one();
}

void WorkerPool::Poke() {
  std::lock_guard lock(mu_);
  MaybeSpawnLocked();
}

std::size_t WorkerPool::threads() const {
  std::lock_guard lock(mu_);
  return workers_.size();
}

void WorkerPool::ReapLocked() {
  for (auto& w : finished_) {
    if (w->thread.joinable()) w->thread.join();  // it has returned from Run already
  }
  finished_.clear();
}

void WorkerPool::MaybeSpawnLocked() {
  ReapLocked();
  if (stopping_ || queue_.size() <= idle_ || workers_.size() >= hard_max_) return;
  auto now = Clock::now();
  std::size_t working = 0;  // busy and not stuck
  for (const auto& w : workers_) {
    if (w->busy && now - w->busy_since < stuck_after_) ++working;
  }
  std::size_t useful = working + idle_;
  if (useful >= base_) return;
  auto w = std::make_unique<Worker>();
  Worker* raw = w.get();
  workers_.push_back(std::move(w));
  ++idle_;
  raw->thread = std::thread([this, raw] { Run(raw); });
}

void WorkerPool::Run(Worker* w) {
  std::unique_lock lock(mu_);
  for (;;) {
    bool got = cv_.wait_for(lock, idle_exit_, [&] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    if (!got) {
      if (workers_.size() > base_) break;  // idle too long and surplus
      continue;
    }
    auto task = std::move(queue_.front());
    queue_.pop_front();
    --idle_;
    w->busy = true;
    w->busy_since = Clock::now();
    lock.unlock();
    task();
    task = nullptr;
    lock.lock();
    w->busy = false;
    ++idle_;
    if (stopping_) return;
  }
  // Surplus idle worker exits: move its handle to finished_ so it is joined later.
  --idle_;
  auto it = std::find_if(workers_.begin(), workers_.end(), [w](const auto& p) { return p.get() == w; });
  if (it != workers_.end()) {
    finished_.push_back(std::move(*it));
    workers_.erase(it);
  }
}

}  // namespace host_exporter
