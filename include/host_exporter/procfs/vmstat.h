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
  std::string_view name;  // a view into the text parsed
  double value = 0;
};

// One entry per line, in file order. A line with fewer than two fields or a
// value that is not a number is an error naming the line; extra fields are ignored.
Result<std::vector<VmstatEntry>> ParseVmstat(std::string_view text);
// Reads the file into `text` and parses it; the names point into `text`.
Result<std::vector<VmstatEntry>> ReadVmstat(const Paths& paths, std::string& text);

}  // namespace host_exporter::procfs
