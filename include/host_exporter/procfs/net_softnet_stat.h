// /proc/net/softnet_stat (net/core/net-procfs.c softnet_seq_show): one line of
// hex columns per CPU, parsed as prometheus/procfs parses it (net_softnet.go).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct SoftnetStat {
  std::uint32_t processed = 0;       // column 0
  std::uint32_t dropped = 0;         // column 1
  std::uint32_t time_squeezed = 0;   // column 2
  std::uint32_t cpu_collision = 0;   // column 8
  std::uint32_t received_rps = 0;    // column 9 (Linux 2.6.39+)
  std::uint32_t flow_limit_count = 0;  // column 10 (Linux 4.18+)
  std::uint32_t backlog_len = 0;     // column 11 (Linux 5.14+)
  std::uint32_t index = 0;           // column 12 (Linux 5.14+), else the line number
  std::size_t width = 0;             // columns on the line
};

// At least 9 columns per line, each a 32-bit hex number; fewer columns or a bad
// number is an error naming the line.
Result<std::vector<SoftnetStat>> ParseNetSoftnetStat(std::string_view text);
Result<std::vector<SoftnetStat>> ReadNetSoftnetStat(const Paths& paths);

}  // namespace host_exporter::procfs
