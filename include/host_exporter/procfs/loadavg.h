// /proc/loadavg, per Documentation/filesystems/proc.rst ("loadavg").
#pragma once

#include <string_view>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct LoadAvg {
  double load1 = 0;
  double load5 = 0;
  double load15 = 0;
};

// "0.02 0.04 0.05 1/497 11947": the first three fields.
Result<LoadAvg> ParseLoadAvg(std::string_view text);
Result<LoadAvg> ReadLoadAvg(const Paths& paths);

}  // namespace host_exporter::procfs
