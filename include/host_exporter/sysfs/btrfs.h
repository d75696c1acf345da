// /sys/fs/btrfs/<uuid>/..., per Documentation/ABI/testing/sysfs-fs-btrfs, read
// as prometheus/procfs's btrfs package does (including its error handling: a
// missing attribute is 0, an unparsable number is 0, and an error is only
// reported when it survives procfs's reader, see ReadBtrfsStats).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct BtrfsLayout {
  std::uint64_t used_bytes = 0;
  std::uint64_t total_bytes = 0;
  double ratio = 0;  // raw bytes per logical byte for the RAID profile; 0 if unknown
};

struct BtrfsAllocation {
  std::uint64_t may_use_bytes = 0;
  std::uint64_t pinned_bytes = 0;
  std::uint64_t read_only_bytes = 0;
  std::uint64_t reserved_bytes = 0;
  std::uint64_t used_bytes = 0;
  std::uint64_t disk_used_bytes = 0;
  std::uint64_t disk_total_bytes = 0;
  std::uint64_t flags = 0;
  std::uint64_t total_bytes = 0;
  std::uint64_t total_pinned_bytes = 0;
  std::map<std::string, BtrfsLayout> layouts;  // "single", "raid1", ...
};

// commit_stats (kernel 6.0+); all zero on older kernels.
struct BtrfsCommitStats {
  std::uint64_t commits = 0;
  std::uint64_t last_commit_ms = 0;
  std::uint64_t max_commit_ms = 0;
  std::uint64_t total_commit_ms = 0;
};

struct BtrfsStats {
  std::string uuid;  // metadata_uuid, or the directory name
  std::string label;
  std::map<std::string, std::uint64_t> device_size_bytes;  // devices/<name>/size * 512
  std::vector<std::string> features;
  std::uint64_t clone_alignment = 0;
  std::uint64_t node_size = 0;
  std::uint64_t quota_override = 0;
  std::uint64_t sector_size = 0;
  std::uint64_t global_rsv_reserved = 0;
  std::uint64_t global_rsv_size = 0;
  BtrfsAllocation data;
  BtrfsAllocation metadata;
  BtrfsAllocation system;
  BtrfsCommitStats commit;
};

// "commits 258051\nlast_commit_ms 1000\n...": exactly two fields a line.
Result<BtrfsCommitStats> ParseBtrfsCommitStats(std::string_view text);
// procfs's ratio per layout directory name, for `devices` devices.
double BtrfsLayoutRatio(std::string_view layout, std::size_t devices);

// Every filesystem under fs/btrfs ("*-*"); none: an empty list.
Result<std::vector<BtrfsStats>> ReadBtrfsStats(const Paths& paths);

}  // namespace host_exporter::sysfs
