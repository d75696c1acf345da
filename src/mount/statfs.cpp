#include "host_exporter/mount/statfs.h"

#include <sys/statfs.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>

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

struct StatFsRunner::Call::Pending {
  StatFsRunner::Clock::time_point deadline;
  bool done = false;
  bool stuck = false;  // timed out and not returned yet
  int err = 0;
  StatFs stat;
};

// Calls run on a pool of detached threads that grows by one whenever a call
// is started while no thread is idle, so every call starts at once and a hung
// statfs holds only its own thread; threads idle for kIdleExit end. Starting a
// thread per call cost more than the statfs itself on a host with many mounts.
struct StatFsRunner::State {
  static constexpr std::chrono::seconds kIdleExit{60};
  struct Job {
    std::string path;
    std::shared_ptr<Call::Pending> pending;
  };

  StatFsFunc fn;
  std::chrono::nanoseconds timeout;
  mutable std::mutex mu;
  std::condition_variable cv;       // a call finished
  std::condition_variable work_cv;  // a job was queued, or stopping
  std::map<std::string, std::shared_ptr<Call::Pending>> outstanding;  // by path
  std::deque<Job> queue;
  std::size_t idle = 0;  // threads waiting for a job, counting ones being started
  bool stopping = false;

  static void Worker(std::shared_ptr<State> state);
};

void StatFsRunner::State::Worker(std::shared_ptr<State> state) {
  std::unique_lock lock(state->mu);
  for (;;) {
    bool got = state->work_cv.wait_for(lock, kIdleExit, [&] { return state->stopping || !state->queue.empty(); });
    if (!got || state->queue.empty()) {  // idle too long, or the runner is gone
      --state->idle;
      return;
    }
    Job job = std::move(state->queue.front());
    state->queue.pop_front();
    --state->idle;
    lock.unlock();
    StatFs st;
    int err = state->fn(job.path, &st);
    lock.lock();
    auto& p = job.pending;
    p->done = true;
    p->err = err;
    p->stat = st;
    if (auto it = state->outstanding.find(job.path); it != state->outstanding.end() && it->second == p) {
      state->outstanding.erase(it);
    }
    if (p->stuck) {
      p->stuck = false;
      log::Info("Mount point has recovered, monitoring will resume", {{"collector", "filesystem"}, {"path", job.path}});
    }
    state->cv.notify_all();
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

StatFsRunner::Call StatFsRunner::Start(const std::string& path) const {
  Call call;
  call.path_ = path;
  std::lock_guard lock(state_->mu);
  if (auto it = state_->outstanding.find(path); it != state_->outstanding.end()) {
    call.pending_ = it->second;
    call.stuck_at_start_ = it->second->stuck;
    return call;
  }
  auto p = std::make_shared<Call::Pending>();
  p->deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(state_->timeout);
  call.pending_ = p;
  if (state_->queue.size() >= state_->idle) {  // no idle thread for this call: one more
    try {
      std::thread(&State::Worker, state_).detach();
      ++state_->idle;
    } catch (const std::system_error& e) {
      // No thread to be had: report it as this path's error rather than block.
      p->done = true;
      p->err = e.code().value() != 0 ? e.code().value() : EAGAIN;
      return call;
    }
  }
  state_->queue.push_back(State::Job{path, p});
  state_->outstanding.emplace(path, p);
  state_->work_cv.notify_one();
  return call;
}

StatFsRunner::Outcome StatFsRunner::Wait(Call& call) const {
  Outcome out;
  if (call.stuck_at_start_) return out;
  Call::Pending& p = *call.pending_;
  std::unique_lock lock(state_->mu);
  state_->cv.wait_until(lock, p.deadline, [&] { return p.done; });
  if (!p.done) {
    if (!p.stuck) {
      p.stuck = true;
      log::Warn("Mount point timed out, it is being labeled as stuck and will not be monitored",
                {{"collector", "filesystem"}, {"path", call.path_}});
    }
    return out;
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
