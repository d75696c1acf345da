// statfs(2) behind a seam, and a runner that never lets a hung statfs (a dead
// NFS server, a wedged FUSE daemon) hold up a scrape or pile up threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace host_exporter::mount {

struct StatFs {
  std::uint64_t blocks = 0;  // f_blocks
  std::uint64_t bfree = 0;   // f_bfree
  std::uint64_t bavail = 0;  // f_bavail
  std::uint64_t files = 0;   // f_files
  std::uint64_t ffree = 0;   // f_ffree
  std::int64_t bsize = 0;    // f_bsize
  std::int64_t type = 0;     // f_type (SYSFS_MAGIC, NFS_SUPER_MAGIC...)
  std::uint64_t fsid = 0;    // f_fsid (sysfs: one per network namespace's superblock)
};

// Fills *out and returns 0, or returns an errno value. May block for ever.
using StatFsFunc = std::function<int(const std::string& path, StatFs* out)>;

// statfs(2), retried on EINTR.
int RealStatFs(const std::string& path, StatFs* out);

// The statfs function in force on this thread: RealStatFs unless a
// ScopedStatFsOverride is alive on it. Collectors capture it when built.
StatFsFunc CurrentStatFs();

// Replaces CurrentStatFs() on this thread while alive (tests).
class ScopedStatFsOverride {
 public:
  explicit ScopedStatFsOverride(StatFsFunc fn);
  ~ScopedStatFsOverride();
  ScopedStatFsOverride(const ScopedStatFsOverride&) = delete;
  ScopedStatFsOverride& operator=(const ScopedStatFsOverride&) = delete;

 private:
  const StatFsFunc* previous_;
  StatFsFunc fn_;
};

// An errno as Go's golang.org/x/sys/unix Errno.Error() spells it
// ("permission denied", "stale file handle"), as node_exporter puts it in the
// device_error label.
std::string GoErrnoText(int err);

// Runs statfs calls on the runner's threads (a pool that grows when every
// thread is busy, so a hung call holds only its own) and waits for each at
// most `timeout` from when a thread takes it; StartAll's calls are taken one
// after another by a few threads. A call that has not returned by then marks its path stuck: it is
// not asked again (callers get kStuck at once) until that call returns, and
// the scrape that saw the timeout gets kStuck too. So there is at most one
// outstanding call, and one thread, per path, however long a mount hangs.
// Concurrent callers for a path that is being asked share the one call.
// Thread safety: all methods may be called from any thread. Destroying the
// runner does not wait for hung calls; their threads finish on their own.
class StatFsRunner {
 public:
  using Clock = std::chrono::steady_clock;

  struct Outcome {
    enum class State { kOk, kError, kStuck } state = State::kStuck;
    StatFs stat;
    int err = 0;  // for kError
  };

  // One caller's handle on a (possibly shared) call.
  class Call {
   private:
    friend class StatFsRunner;
    struct Pending;
    std::shared_ptr<Pending> pending_;
    bool stuck_at_start_ = false;
    std::string path_;
  };

  StatFsRunner(StatFsFunc fn, std::chrono::nanoseconds timeout);
  ~StatFsRunner();
  StatFsRunner(const StatFsRunner&) = delete;
  StatFsRunner& operator=(const StatFsRunner&) = delete;

  // Starts statfs(path) unless a call for it is outstanding; returns at once.
  Call Start(const std::string& path) const;
  // Start for many paths at once: their calls are taken one after another by
  // at most `parallel` threads (more only to replace ones held by a hung call),
  // each call's timeout running from when a thread takes it.
  std::vector<Call> StartAll(const std::vector<std::string>& paths, std::size_t parallel) const;
  // Waits for the call until its deadline (start + timeout), or until
  // `give_up` if that comes first: then the outcome is kStuck for this caller
  // only; the call goes on, and is marked stuck only if it outlives its own
  // timeout (a later Wait or Start sees that).
  Outcome Wait(Call& call, std::optional<Clock::time_point> give_up = std::nullopt) const;
  // Start + Wait.
  Outcome Stat(const std::string& path) const;

  bool IsStuck(const std::string& path) const;
  // Calls whose threads have not returned yet (stuck or in progress).
  std::size_t Outstanding() const;

 private:
  struct State;
  struct Batch;
  std::shared_ptr<State> state_;
};

}  // namespace host_exporter::mount
