// /proc/buddyinfo, per Documentation/filesystems/proc.rst ("buddyinfo"): free
// blocks of 2^order pages per node and zone, parsed as prometheus/procfs does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct BuddyinfoZone {
  std::string node;           // "0" of "Node 0,"
  std::string zone;           // "DMA32"
  std::vector<double> sizes;  // free blocks of order 0, 1, 2, ...
};

// "Node <n>, zone <name> <count> <count> ..." per line, split on whitespace;
// one trailing ',' is dropped from the node and the zone. A line with fewer
// than four fields (an empty line too), a count that is not a number, or a
// line whose number of orders differs from the first line's is an error
// naming the line. Empty input gives no zones.
Result<std::vector<BuddyinfoZone>> ParseBuddyinfo(std::string_view text);
Result<std::vector<BuddyinfoZone>> ReadBuddyinfo(const Paths& paths);

}  // namespace host_exporter::procfs
