// /proc/softirqs (kernel/softirq.c, fs/proc/softirqs.c): per-CPU counts of each
// softirq vector, parsed as prometheus/procfs parses it (softirqs.go).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// One vector per row procfs knows; a row the file lacks stays empty. Index i is
// the i-th count on the row (procfs numbers CPUs by column, not by header name).
struct Softirqs {
  std::vector<std::uint64_t> hi, timer, net_tx, net_rx, block, irq_poll, tasklet, sched, hrtimer, rcu;
};

// The first line (the CPU header) is skipped; an empty text is an error. Rows
// with fewer than two fields and unknown rows are ignored; a count that is not a
// decimal uint64 is an error naming the row and column.
Result<Softirqs> ParseSoftirqs(std::string_view text);
Result<Softirqs> ReadSoftirqs(const Paths& paths);

}  // namespace host_exporter::procfs
