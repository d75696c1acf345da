#include "host_exporter/syscall/timex.h"

#include <cerrno>
#include <cstring>
#include <string>

namespace host_exporter::syscall {
namespace {

thread_local const AdjtimexFn* g_override = nullptr;

}  // namespace

Result<TimexReading> Adjtimex() {
  TimexReading r;
  std::memset(&r.tx, 0, sizeof r.tx);
  int state = g_override != nullptr ? (*g_override)(&r.tx) : ::adjtimex(&r.tx);
  if (state == -1) {
    int err = errno;
    std::string msg = std::string("adjtimex: ") + std::strerror(err);
    if (err == EPERM) return NoData("not collecting timex metrics: " + msg);
    return Fail(ErrorKind::kIo, "failed to retrieve adjtimex stats: " + msg);
  }
  r.state = state;
  return r;
}

ScopedAdjtimexOverride::ScopedAdjtimexOverride(AdjtimexFn fn) : fn_(std::move(fn)), previous_(g_override) {
  g_override = &fn_;
}

ScopedAdjtimexOverride::~ScopedAdjtimexOverride() { g_override = previous_; }

}  // namespace host_exporter::syscall
