// /proc/sys/kernel/random/*, per Documentation/admin-guide/sysctl/kernel.rst ("random").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// Each field is empty when its file does not exist (as prometheus/procfs).
struct KernelRandom {
  std::optional<std::uint64_t> entropy_avail;
  std::optional<std::uint64_t> poolsize;
  std::optional<std::uint64_t> urandom_min_reseed_secs;
  std::optional<std::uint64_t> write_wakeup_threshold;
  std::optional<std::uint64_t> read_wakeup_threshold;
};

// One of those files: a decimal integer and a newline.
Result<std::uint64_t> ParseKernelRandomValue(std::string_view text);

// Reads every file that exists; a missing directory gives all fields empty.
// A file that exists but cannot be read or parsed is an error naming it.
Result<KernelRandom> ReadKernelRandom(const Paths& paths);

}  // namespace host_exporter::procfs
