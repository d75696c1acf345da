#include "host_exporter/syscall/clock.h"

#include <time.h>

namespace host_exporter::syscall {
namespace {

thread_local const ClockFn* g_override = nullptr;

}  // namespace

WallTime Now() {
  if (g_override != nullptr) return (*g_override)();
  struct timespec ts {};
  clock_gettime(CLOCK_REALTIME, &ts);
  WallTime w;
  // As Go's float64(t.UnixNano()) / 1e9.
  long long ns = static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
  w.unix_seconds = static_cast<double>(ns) / 1e9;
  struct tm tm {};
  time_t sec = ts.tv_sec;
  if (localtime_r(&sec, &tm) != nullptr) {
    w.zone = tm.tm_zone != nullptr ? tm.tm_zone : "";
    w.zone_offset_seconds = tm.tm_gmtoff;
  }
  return w;
}

ScopedClockOverride::ScopedClockOverride(ClockFn fn) : fn_(std::move(fn)), previous_(g_override) {
  g_override = &fn_;
}

ScopedClockOverride::~ScopedClockOverride() { g_override = previous_; }

}  // namespace host_exporter::syscall
