// /proc/stat, per Documentation/filesystems/proc.rst ("Miscellaneous kernel statistics in
// /proc/stat"), parsed as prometheus/procfs does. Shared by the cpu and stat collectors.
#pragma once

#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// USER_HZ: /proc/stat counts CPU time in 1/100 s on every architecture.
inline constexpr double kUserHz = 100;

// Time spent in each mode, in seconds (ticks / USER_HZ). Fields the kernel does not
// print (old kernels stop after "steal" or "guest") are 0.
struct CpuStat {
  double user = 0;
  double nice = 0;
  double system = 0;
  double idle = 0;
  double iowait = 0;
  double irq = 0;
  double softirq = 0;
  double steal = 0;
  double guest = 0;
  double guest_nice = 0;
};

// The "softirq" line: calls per vector, in the kernel's order.
struct SoftIrqStat {
  std::uint64_t hi = 0;
  std::uint64_t timer = 0;
  std::uint64_t net_tx = 0;
  std::uint64_t net_rx = 0;
  std::uint64_t block = 0;
  std::uint64_t block_iopoll = 0;
  std::uint64_t tasklet = 0;
  std::uint64_t sched = 0;
  std::uint64_t hrtimer = 0;
  std::uint64_t rcu = 0;
};

// Absent lines leave their fields 0, as in procfs (an empty file parses).
struct Stat {
  std::uint64_t boot_time = 0;
  CpuStat cpu_total;
  std::map<std::int64_t, CpuStat> cpu;  // "cpuN" lines by N
  std::uint64_t irq_total = 0;
  std::vector<std::uint64_t> irq;  // numbered IRQs of the "intr" line
  std::uint64_t context_switches = 0;
  std::uint64_t process_created = 0;
  std::uint64_t processes_running = 0;
  std::uint64_t processes_blocked = 0;
  std::uint64_t softirq_total = 0;
  SoftIrqStat softirq;
};

// Lines with fewer than two fields and unknown keys are skipped. A known line whose
// numbers do not parse, or a "softirq" line with fewer than 11 numbers, is an error
// naming the line number.
Result<Stat> ParseStat(std::string_view text);
Result<Stat> ReadStat(const Paths& paths);

}  // namespace host_exporter::procfs
