// /proc/net/dev, per Documentation/filesystems/proc.rst ("/proc/net") and
// net/core/net-procfs.c (dev_seq_printf_stats), parsed as prometheus/procfs does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// One interface line: "  eth0: rx_bytes rx_packets ... tx_compressed".
struct NetDevLine {
  std::string name;
  std::uint64_t rx_bytes = 0, rx_packets = 0, rx_errors = 0, rx_dropped = 0;
  std::uint64_t rx_fifo = 0, rx_frame = 0, rx_compressed = 0, rx_multicast = 0;
  std::uint64_t tx_bytes = 0, tx_packets = 0, tx_errors = 0, tx_dropped = 0;
  std::uint64_t tx_fifo = 0, tx_collisions = 0, tx_carrier = 0, tx_compressed = 0;
};

// The two header lines are skipped; every later line must hold a name, a ':'
// (the last one on the line, so names may contain ':') and at least 16 unsigned
// counters. A later line with a repeated name replaces the earlier one.
// Errors name the line.
Result<std::vector<NetDevLine>> ParseNetDev(std::string_view text);
Result<std::vector<NetDevLine>> ReadNetDev(const Paths& paths);

}  // namespace host_exporter::procfs
