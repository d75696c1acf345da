// The wall clock and the local time zone (clock_gettime(2), localtime_r(3)),
// behind a seam so tests can inject them. Thread safety: Now() is reentrant;
// an override affects only the thread that installed it.
#pragma once

#include <functional>
#include <string>

namespace host_exporter::syscall {

struct WallTime {
  double unix_seconds = 0;   // seconds since the epoch, with nanosecond fraction
  std::string zone;          // abbreviation, e.g. "UTC", "CEST"
  long zone_offset_seconds = 0;  // east of UTC
};

using ClockFn = std::function<WallTime()>;

WallTime Now();

// Replaces this thread's clock while alive (tests).
class ScopedClockOverride {
 public:
  explicit ScopedClockOverride(ClockFn fn);
  ~ScopedClockOverride();
  ScopedClockOverride(const ScopedClockOverride&) = delete;
  ScopedClockOverride& operator=(const ScopedClockOverride&) = delete;

 private:
  ClockFn fn_;
  const ClockFn* previous_;
};

}  // namespace host_exporter::syscall
