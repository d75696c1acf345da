// adjtimex(2) in read-only mode (modes = 0), behind a seam so tests can inject
// what the kernel returns. Thread safety: Adjtimex() is reentrant; an override
// affects only the thread that installed it.
#pragma once

#include <sys/timex.h>

#include <functional>

#include "host_exporter/result.h"

namespace host_exporter::syscall {

struct TimexReading {
  int state = 0;  // the clock state adjtimex returned (TIME_OK ... TIME_ERROR)
  struct timex tx {};
};

// The system call's shape: returns the clock state, or -1 with errno set.
using AdjtimexFn = std::function<int(struct timex* buf)>;

// EPERM is ErrorKind::kNoData (node_exporter's ErrNoData); other failures are
// ErrorKind::kIo naming adjtimex and errno.
Result<TimexReading> Adjtimex();

// Replaces this thread's adjtimex(2) while alive (tests).
class ScopedAdjtimexOverride {
 public:
  explicit ScopedAdjtimexOverride(AdjtimexFn fn);
  ~ScopedAdjtimexOverride();
  ScopedAdjtimexOverride(const ScopedAdjtimexOverride&) = delete;
  ScopedAdjtimexOverride& operator=(const ScopedAdjtimexOverride&) = delete;

 private:
  AdjtimexFn fn_;
  const AdjtimexFn* previous_;
};

}  // namespace host_exporter::syscall
