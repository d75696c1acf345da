// /proc/[pid]/stat and /proc/[pid]/limits, per proc(5), parsed as
// prometheus/procfs's Proc.Stat does; the numeric entries of /proc (AllProcs).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
// the last ')' ends it. As procfs, the 42 fields after comm up to cguest_time
// (Linux 2.6.24) must be there and be decimal integers of the right sign.
Result<PidStat> ParsePidStat(std::string_view text);

// procfs's FS.AllProcs on `dir` (a procfs root or a /proc/<pid>/task directory):
// the entries whose names are decimal integers, sorted. A missing dir is
// kNotFound, a dir that is not a directory or cannot be read kIo.
Result<std::vector<int>> ReadPidList(const std::string& dir);
// A stat file read whole and parsed; parse errors name the path.
Result<PidStat> ReadPidStat(const std::string& path);
// True when `e` says the process or thread exited while it was being read
// (ENOENT, ESRCH), which procfs's callers skip.
bool IsVanished(const Error& e);

struct PidLimits {
  // nullopt means "unlimited".
  std::optional<std::uint64_t> max_open_files;
  std::optional<std::uint64_t> max_address_space;
};
Result<PidLimits> ParsePidLimits(std::string_view text);

}  // namespace host_exporter::procfs
