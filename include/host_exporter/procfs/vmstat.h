// /proc/vmstat ("name value" per line; mm/vmstat.c), as node_exporter's vmstat
// collector reads it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct VmstatEntry {
  std::string name;
  double value = 0;
};

// One entry per line, in file order. A line with fewer than two fields or a
// value that is not a number is an error naming the line; extra fields are ignored.
Result<std::vector<VmstatEntry>> ParseVmstat(std::string_view text);
Result<std::vector<VmstatEntry>> ReadVmstat(const Paths& paths);

}  // namespace host_exporter::procfs
