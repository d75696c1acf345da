// /proc/schedstat, per Documentation/scheduler/sched-stats.rst (version 15+):
// the per-CPU "cpu<N>" lines; fields 7-9 are nanoseconds running, nanoseconds
// waiting, and timeslices.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct SchedstatCPU {
  std::string cpu;  // the digits after "cpu", as written
  std::uint64_t running_ns = 0;
  std::uint64_t waiting_ns = 0;
  std::uint64_t timeslices = 0;
};

// As prometheus/procfs: a line counts when it contains "cpu<N>" followed by nine
// single-space-separated decimal fields (extra text around them is ignored);
// other lines, and lines whose fields overflow 64 bits, are skipped. Never fails.
std::vector<SchedstatCPU> ParseSchedstat(std::string_view text);
// A missing file (kernel without CONFIG_SCHEDSTATS) is kNotFound.
Result<std::vector<SchedstatCPU>> ReadSchedstat(const Paths& paths);

}  // namespace host_exporter::procfs
