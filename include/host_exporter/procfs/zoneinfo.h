// /proc/zoneinfo (mm/vmstat.c zoneinfo_show, Documentation/admin-guide/sysctl/vm.rst),
// parsed as prometheus/procfs's Zoneinfo does (zoneinfo.go).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// The keys procfs reads, in its struct's order.
inline constexpr std::string_view kZoneinfoKeys[] = {
    "nr_free_pages",    "min",            "low",           "high",
    "scanned",          "spanned",        "present",       "managed",
    "nr_active_anon",   "nr_inactive_anon", "nr_isolated_anon", "nr_anon_pages",
    "nr_anon_transparent_hugepages", "nr_active_file", "nr_inactive_file", "nr_isolated_file",
    "nr_file_pages",    "nr_slab_reclaimable", "nr_slab_unreclaimable", "nr_mlock_stack",
    "nr_kernel_stack",  "nr_mapped",      "nr_dirty",      "nr_writeback",
    "nr_unevictable",   "nr_shmem",       "nr_dirtied",    "nr_written",
    "numa_hit",         "numa_miss",      "numa_foreign",  "numa_interleave",
    "numa_local",       "numa_other"};
inline constexpr std::size_t kZoneinfoKeyCount = std::size(kZoneinfoKeys);

struct Zoneinfo {
  std::string node;  // "0"; empty if the block has no "Node N, zone X" line
  std::string zone;  // "DMA32"
  // values[i] is kZoneinfoKeys[i]; nullopt when the block has no such line. A
  // per-node stat ("per-node stats" section) lands in the node's first zone.
  std::array<std::optional<std::int64_t>, kZoneinfoKeyCount> values;
  std::vector<std::int64_t> protection;  // empty when absent or unparsable
};

// One entry per block (blocks start at "\nNode"; the text before the first one
// counts as a block). Never fails, like procfs: a value that is not an integer
// (Go base-0 syntax) reads as 0, an unparsable protection line is dropped.
Result<std::vector<Zoneinfo>> ParseZoneinfo(std::string_view text);
Result<std::vector<Zoneinfo>> ReadZoneinfo(const Paths& paths);

}  // namespace host_exporter::procfs
