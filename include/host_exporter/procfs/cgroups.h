// /proc/cgroups, per cgroups(7) ("/proc/cgroups"): one line per cgroup v1
// controller, parsed as prometheus/procfs does (cgroups.go).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct CgroupSummary {
  std::string subsys_name;
  std::int64_t hierarchy = 0;
  std::int64_t cgroups = 0;
  std::int64_t enabled = 0;
};

// "<subsys_name> <hierarchy> <num_cgroups> <enabled>" per line, split on
// whitespace; lines starting with '#' are comments. Any other line with fewer
// than four fields (an empty line too) or a field that is not a decimal
// integer (Go's Atoi) is an error naming the line.
Result<std::vector<CgroupSummary>> ParseCgroups(std::string_view text);
Result<std::vector<CgroupSummary>> ReadCgroups(const Paths& paths);

}  // namespace host_exporter::procfs
