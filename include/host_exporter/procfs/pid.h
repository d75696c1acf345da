// /proc/[pid]/stat and /proc/[pid]/limits, per proc(5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct PidStat {
  int pid = 0;
  std::string comm;
  char state = '?';
  int ppid = 0;
  std::uint64_t minflt = 0, majflt = 0;
  std::uint64_t utime = 0, stime = 0;  // clock ticks
  std::int64_t num_threads = 0;
  std::uint64_t starttime = 0;  // clock ticks after boot
  std::uint64_t vsize = 0;      // bytes
  std::int64_t rss = 0;         // pages
};

// One line "pid (comm) state ppid ...". comm may hold spaces and parentheses;
// the last ')' ends it.
Result<PidStat> ParsePidStat(std::string_view text);

struct PidLimits {
  // nullopt means "unlimited".
  std::optional<std::uint64_t> max_open_files;
  std::optional<std::uint64_t> max_address_space;
};
Result<PidLimits> ParsePidLimits(std::string_view text);

}  // namespace host_exporter::procfs
