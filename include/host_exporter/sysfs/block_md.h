// /sys/block/md*/md (Documentation/admin-guide/md.rst, "MD devices in sysfs"), read
// as prometheus/procfs's sysfs.Mdraids.
// Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct MdraidComponent {
  std::string device;  // "sdb" (from dev-sdb)
  std::string state;   // "in_sync", "faulty", ...
};

struct Mdraid {
  std::string device;            // md0
  std::string level;             // raid1
  std::string array_state;       // clean, active, ...
  std::string metadata_version;  // 1.2
  // raid_disks; absent for containers (level container, imsm or ddf).
  std::optional<std::uint64_t> disks;
  std::vector<MdraidComponent> components;
  std::string uuid;
  std::uint64_t chunk_size = 0;      // raid0, 4, 5, 6, 10
  std::uint64_t degraded_disks = 0;  // raid1, 4, 5, 6, 10
  std::string sync_action;           // raid1, 4, 5, 6, 10
  double sync_completed = 0;         // fraction; raid1, 4, 5, 6, 10
};

// sync_completed: "<done> / <total>" sectors (fmt.Sscanf "%d / %d").
Result<std::pair<std::uint64_t, std::uint64_t>> ParseMdSyncCompleted(std::string_view text);

// Every /sys/block/md*/md, sorted. A missing attribute is ErrorKind::kNotFound.
Result<std::vector<Mdraid>> ReadMdraids(const Paths& paths);

}  // namespace host_exporter::sysfs
