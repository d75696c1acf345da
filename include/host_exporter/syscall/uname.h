// uname(2), behind a seam so tests can inject what the kernel returns.
// Thread safety: Uname() is reentrant; an override affects only the thread
// that installed it.
#pragma once

#include <sys/utsname.h>

#include <functional>
#include <string>

#include "host_exporter/result.h"

namespace host_exporter::syscall {

struct UnameInfo {
  std::string sysname;
  std::string release;
  std::string version;
  std::string machine;
  std::string nodename;
  std::string domainname;
};

// The system call's shape: fills *buf, returns 0 or -1 with errno set.
using UnameFn = std::function<int(struct utsname* buf)>;

// Each field up to its first NUL (Go's unix.ByteSliceToString). A failing call
// is ErrorKind::kIo naming uname and errno.
Result<UnameInfo> Uname();

// Replaces this thread's uname(2) while alive (tests).
class ScopedUnameOverride {
 public:
  explicit ScopedUnameOverride(UnameFn fn);
  ~ScopedUnameOverride();
  ScopedUnameOverride(const ScopedUnameOverride&) = delete;
  ScopedUnameOverride& operator=(const ScopedUnameOverride&) = delete;

 private:
  UnameFn fn_;
  const UnameFn* previous_;
};

}  // namespace host_exporter::syscall
