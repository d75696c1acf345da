// /proc/diskstats, per Documentation/admin-guide/iostats.rst and
// Documentation/ABI/testing/procfs-diskstats.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// Indices into DiskStats::counters, in the kernel's field order.
enum DiskCounter : std::size_t {
  kReadsCompleted,
  kReadsMerged,
  kSectorsRead,
  kReadTimeMs,
  kWritesCompleted,
  kWritesMerged,
  kSectorsWritten,
  kWriteTimeMs,
  kIosInProgress,
  kIoTimeMs,
  kWeightedIoTimeMs,
  kDiscardsCompleted,  // 4.18+
  kDiscardsMerged,
  kSectorsDiscarded,
  kDiscardTimeMs,
  kFlushesCompleted,  // 5.5+
  kFlushTimeMs,
  kDiskCounterCount,
};

struct DiskStats {
  std::uint32_t major = 0;
  std::uint32_t minor = 0;
  std::string device;
  std::array<std::uint64_t, kDiskCounterCount> counters{};
  // Fields read from the line, major, minor and name included: 14 before 4.18,
  // 18 from 4.18, 20 from 5.5 (procfs's IoStatsCount). Counters past it are 0.
  int field_count = 0;
};

// One device per line: "major minor name" then 11, 15 or 17 counters. As
// prometheus/procfs does, at most 20 fields are read, a line with fewer than 14
// is skipped, and a field that is not an unsigned number (within the first 20)
// fails the whole file.
Result<std::vector<DiskStats>> ParseDiskstats(std::string_view text);
Result<std::vector<DiskStats>> ReadDiskstats(const Paths& paths);

}  // namespace host_exporter::procfs
