#include "host_exporter/mount/statfs.h"

#include <sys/statfs.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "host_exporter/log.h"

namespace host_exporter::mount {
namespace {

thread_local const StatFsFunc* tls_statfs = nullptr;

}  // namespace

int RealStatFs(const std::string& path, StatFs* out) {
  struct statfs buf {};
  int rc;
  do {
    rc = ::statfs(path.c_str(), &buf);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) return errno;
  out->blocks = static_cast<std::uint64_t>(buf.f_blocks);
  out->bfree = static_cast<std::uint64_t>(buf.f_bfree);
  out->bavail = static_cast<std::uint64_t>(buf.f_bavail);
  out->files = static_cast<std::uint64_t>(buf.f_files);
  out->ffree = static_cast<std::uint64_t>(buf.f_ffree);
  out->bsize = static_cast<std::int64_t>(buf.f_bsize);
  out->type = static_cast<std::int64_t>(buf.f_type);
  std::uint32_t halves[2];
  static_assert(sizeof buf.f_fsid == sizeof halves);
  std::memcpy(halves, &buf.f_fsid, sizeof halves);
  out->fsid = (std::uint64_t{halves[0]} << 32) | halves[1];
  return 0;
}

StatFsFunc CurrentStatFs() { return tls_statfs != nullptr ? *tls_statfs : StatFsFunc(&RealStatFs); }

ScopedStatFsOverride::ScopedStatFsOverride(StatFsFunc fn) : previous_(tls_statfs), fn_(std::move(fn)) {
  tls_statfs = &fn_;
}
ScopedStatFsOverride::~ScopedStatFsOverride() { tls_statfs = previous_; }

std::string GoErrnoText(int err) {
  // x/sys/unix's table is glibc's strerror text with a lower-case first letter.
  char buf[256];
  const char* text = strerror_r(err, buf, sizeof buf);  // GNU variant
  std::string s = text != nullptr ? text : "";
  if (s.empty() || s.starts_with("Unknown error")) return "errno " + std::to_string(err);
  if (s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

struct StatFsRunner::Batch {
  std::vector<std::pair<std::string, std::shared_ptr<Call::Pending>>> items;  // fixed once made
  std::size_t next = 0;      // first item no thread has taken (guarded by State::mu)
  std::size_t parallel = 1;  // threads the batch may have for speed (more only past hung calls)
  std::size_t drainers = 0;  // threads asked for so far (guarded by State::mu)
};

namespace {
// A waiter whose call has run this long while the batch still has untaken
// calls asks for one more thread (up to the batch's `parallel`). A healthy
// statfs takes microseconds, so a scrape of healthy mounts costs one thread
// wake-up; a slow or hung mount does not hold up the rest for long.
constexpr std::chrono::milliseconds kHedge{10};
}  // namespace

struct StatFsRunner::Call::Pending {
  StatFsRunner::Clock::time_point deadline;  // start + timeout, once started
  bool started = false;
  bool done = false;
  bool stuck = false;   // timed out and not returned yet
  bool waited = false;  // a caller sleeps on it: wake it when it starts or ends
  int err = 0;
  StatFs stat;
  std::weak_ptr<Batch> batch;
};

// Calls run on a pool of detached threads. A StartAll's calls form a batch
// that up to `parallel` threads take one after another, so a scrape of many
// mounts costs a few thread wake-ups rather than two per mount (a thread per
// call, or a hand-off per call, cost more than the statfs itself). A call's
// timeout runs from when a thread takes it. A hung call holds only its own
// thread: when a waiter sees it time out, or waits a whole timeout for a call
// to be taken, one more thread joins the batch. The pool grows by one whenever
// work is queued while no thread is idle; threads idle for kIdleExit end.
struct StatFsRunner::State {
  static constexpr std::chrono::seconds kIdleExit{60};

  StatFsFunc fn;
  std::chrono::nanoseconds timeout;
  mutable std::mutex mu;
  std::condition_variable cv;       // a waited-for call started or finished
  std::condition_variable work_cv;  // a batch was queued, or stopping
  std::map<std::string, std::shared_ptr<Call::Pending>> outstanding;  // by path: queued or running
  std::deque<std::shared_ptr<Batch>> queue;  // one entry per thread wanted on a batch
  std::size_t idle = 0;  // threads waiting for work, counting ones being started
  bool stopping = false;

  // Queues one more thread's worth of work on `batch`; false when no thread
  // could be started (the batch's untaken calls then fail with that errno).
  bool AddDrainerLocked(const std::shared_ptr<Batch>& batch, const std::shared_ptr<State>& self);
  void FailUntakenLocked(Batch& batch, int err);
  static void Worker(std::shared_ptr<State> state);
};

bool StatFsRunner::State::AddDrainerLocked(const std::shared_ptr<Batch>& batch, const std::shared_ptr<State>& self) {
  if (queue.size() >= idle) {  // no idle thread for this work: one more
    try {
      std::thread(&State::Worker, self).detach();
      ++idle;
    } catch (const std::system_error& e) {
      FailUntakenLocked(*batch, e.code().value() != 0 ? e.code().value() : EAGAIN);
      return false;
    }
  }
  queue.push_back(batch);
  ++batch->drainers;
  work_cv.notify_one();
  return true;
}

void StatFsRunner::State::FailUntakenLocked(Batch& batch, int err) {
  for (; batch.next < batch.items.size(); ++batch.next) {
    auto& [path, p] = batch.items[batch.next];
    p->done = true;
    p->err = err;
    if (auto it = outstanding.find(path); it != outstanding.end() && it->second == p) outstanding.erase(it);
  }
  cv.notify_all();
}

void StatFsRunner::State::Worker(std::shared_ptr<State> state) {
  std::unique_lock lock(state->mu);
  for (;;) {
    bool got = state->work_cv.wait_for(lock, kIdleExit, [&] { return state->stopping || !state->queue.empty(); });
    if (!got || state->queue.empty()) {  // idle too long, or the runner is gone
      --state->idle;
      return;
    }
    std::shared_ptr<Batch> batch = std::move(state->queue.front());
    state->queue.pop_front();
    --state->idle;
    while (!state->stopping && batch->next < batch->items.size()) {
      auto [path, p] = batch->items[batch->next++];
      p->started = true;
      p->deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(state->timeout);
      lock.unlock();
      StatFs st;
      int err = state->fn(path, &st);
      lock.lock();
      p->done = true;
      p->err = err;
      p->stat = st;
      if (auto it = state->outstanding.find(path); it != state->outstanding.end() && it->second == p) {
        state->outstanding.erase(it);
      }
      if (p->stuck) {
        p->stuck = false;
        log::Info("Mount point has recovered, monitoring will resume", {{"collector", "filesystem"}, {"path", path}});
      }
      if (p->waited) state->cv.notify_all();
    }
    ++state->idle;
  }
}

StatFsRunner::StatFsRunner(StatFsFunc fn, std::chrono::nanoseconds timeout)
    : state_(std::make_shared<State>()) {
  state_->fn = std::move(fn);
  state_->timeout = timeout;
}

StatFsRunner::~StatFsRunner() {
  {
    std::lock_guard lock(state_->mu);
    state_->stopping = true;  // idle threads end now; busy ones after their call
  }
  state_->work_cv.notify_all();
}

std::vector<StatFsRunner::Call> StatFsRunner::StartAll(const std::vector<std::string>& paths,
                                                       std::size_t parallel) const {
  std::vector<Call> calls(paths.size());
  auto batch = std::make_shared<Batch>();
  std::lock_guard lock(state_->mu);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    Call& call = calls[i];
    call.path_ = paths[i];
    if (auto it = state_->outstanding.find(paths[i]); it != state_->outstanding.end()) {
      call.pending_ = it->second;
      call.stuck_at_start_ = it->second->stuck;
      continue;
    }
    auto p = std::make_shared<Call::Pending>();
    p->batch = batch;
    call.pending_ = p;
    state_->outstanding.emplace(paths[i], p);
    batch->items.emplace_back(paths[i], std::move(p));
  }
  // One thread to begin with; waiters add more (kHedge) when a call is slow.
  batch->parallel = std::max<std::size_t>(1, parallel);
  if (!batch->items.empty()) state_->AddDrainerLocked(batch, state_);
  return calls;
}

StatFsRunner::Call StatFsRunner::Start(const std::string& path) const {
  return std::move(StartAll({path}, 1).front());
}

StatFsRunner::Outcome StatFsRunner::Wait(Call& call, std::optional<Clock::time_point> give_up) const {
  Outcome out;
  if (call.stuck_at_start_) return out;
  Call::Pending& p = *call.pending_;
  std::unique_lock lock(state_->mu);
  p.waited = true;
  const auto timeout = std::chrono::duration_cast<Clock::duration>(state_->timeout);
  // Not taken by then (every thread on its batch in a slow call): one more
  // thread joins the batch, beyond its `parallel` if need be.
  auto untaken_until = Clock::now() + timeout;
  while (!p.done) {
    auto now = Clock::now();
    auto batch = p.batch.lock();
    bool untaken_left = batch && batch->next < batch->items.size();
    bool may_hedge = untaken_left && batch->drainers < batch->parallel;
    auto until = p.started ? p.deadline : untaken_until;
    if (may_hedge) until = std::min(until, now + kHedge);
    bool scrape_ends = give_up && *give_up <= until;
    if (scrape_ends) until = *give_up;
    if (state_->cv.wait_until(lock, until, [&] { return p.done; })) break;
    now = Clock::now();
    if (scrape_ends && now >= *give_up) {
      log::Debug("statfs not answered before the scrape deadline, reported as stuck for this scrape",
                 {{"collector", "filesystem"}, {"path", call.path_}});
      return out;
    }
    batch = p.batch.lock();
    untaken_left = batch && batch->next < batch->items.size();
    if (p.started && now >= p.deadline) {
      if (!p.stuck) {
        p.stuck = true;
        log::Warn("Mount point timed out, it is being labeled as stuck and will not be monitored",
                  {{"collector", "filesystem"}, {"path", call.path_}});
      }
      // The rest of its batch must not wait behind it.
      if (untaken_left) state_->AddDrainerLocked(batch, state_);
      return out;
    }
    if (!p.started && now >= untaken_until) {
      if (untaken_left) state_->AddDrainerLocked(batch, state_);
      untaken_until = now + timeout;
      continue;
    }
    if (untaken_left && batch->drainers < batch->parallel) state_->AddDrainerLocked(batch, state_);
  }
  if (p.err != 0) {
    out.state = Outcome::State::kError;
    out.err = p.err;
  } else {
    out.state = Outcome::State::kOk;
    out.stat = p.stat;
  }
  return out;
}

StatFsRunner::Outcome StatFsRunner::Stat(const std::string& path) const {
  Call call = Start(path);
  return Wait(call);
}

bool StatFsRunner::IsStuck(const std::string& path) const {
  std::lock_guard lock(state_->mu);
  auto it = state_->outstanding.find(path);
  return it != state_->outstanding.end() && it->second->stuck;
}

std::size_t StatFsRunner::Outstanding() const {
  std::lock_guard lock(state_->mu);
  return state_->outstanding.size();
}

}  // namespace host_exporter::mount
