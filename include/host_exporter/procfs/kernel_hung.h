// /proc/sys/kernel/hung_task_detect_count, per Documentation/admin-guide/sysctl/kernel.rst
// ("hung_task_detect_count", CONFIG_DETECT_HUNG_TASK, Linux 6.7+).
#pragma once

#include <cstdint>
#include <string_view>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct KernelHung {
  std::uint64_t hung_task_detect_count = 0;
};

// "3\n": one decimal integer.
Result<KernelHung> ParseKernelHung(std::string_view text);
// A missing file (old kernel, or no CONFIG_DETECT_HUNG_TASK) is kNotFound.
Result<KernelHung> ReadKernelHung(const Paths& paths);

}  // namespace host_exporter::procfs
