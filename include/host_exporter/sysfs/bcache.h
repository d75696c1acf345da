// /sys/fs/bcache/<uuid>/..., per Documentation/admin-guide/bcache.rst ("Sysfs"),
// read as prometheus/procfs's bcache package does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct BcachePeriodStats {
  std::uint64_t bypassed = 0;
  std::uint64_t cache_bypass_hits = 0;
  std::uint64_t cache_bypass_misses = 0;
  std::uint64_t cache_hits = 0;
  std::uint64_t cache_miss_collisions = 0;
  std::uint64_t cache_misses = 0;
  std::uint64_t cache_readaheads = 0;
};

struct BcacheWritebackRateDebug {
  std::uint64_t rate = 0;
  std::uint64_t dirty = 0;
  std::uint64_t target = 0;
  std::int64_t proportional = 0;
  std::int64_t integral = 0;
  std::int64_t change = 0;
  std::int64_t next_io = 0;
};

struct BcachePriorityStats {
  std::uint64_t unused_percent = 0;
  std::uint64_t metadata_percent = 0;
};

struct BcacheBdev {
  std::string name;  // "bdev0"
  std::uint64_t dirty_data = 0;
  BcacheWritebackRateDebug writeback_rate_debug;
  BcachePeriodStats five_min;
  BcachePeriodStats total;
};

struct BcacheCache {
  std::string name;  // "cache0"
  std::uint64_t io_errors = 0;
  std::uint64_t metadata_written = 0;
  std::uint64_t written = 0;
  BcachePriorityStats priority;  // zero unless read with priority stats
};

struct BcacheStats {
  std::string uuid;
  std::uint64_t average_key_size = 0;
  std::uint64_t btree_cache_size = 0;
  std::uint64_t cache_available_percent = 0;
  std::uint64_t congested = 0;
  std::uint64_t root_usage_percent = 0;
  std::uint64_t tree_depth = 0;
  // internal/
  std::uint64_t active_journal_entries = 0;
  std::uint64_t btree_nodes = 0;
  std::uint64_t btree_read_average_duration_ns = 0;  // file says _us; procfs names it ns
  std::uint64_t cache_read_races = 0;
  BcachePeriodStats five_min;
  BcachePeriodStats total;
  std::vector<BcacheBdev> bdevs;
  std::vector<BcacheCache> caches;
};

// bch_hprint's human-readable numbers: "542k", "1.10k" (the fraction is in
// 1/1024ths printed as hundredths, so ".10" > ".9"), plain "12345".
Result<std::uint64_t> ParseBcacheHuman(std::string_view s);
Result<std::int64_t> ParseBcacheHumanSigned(std::string_view s);
// One attribute file: procfs drops the last byte (the kernel's newline) and
// parses the rest with ParseBcacheHuman.
Result<std::uint64_t> ParseBcacheValue(std::string_view file_text);
Result<BcachePriorityStats> ParseBcachePriorityStats(std::string_view text);
Result<BcacheWritebackRateDebug> ParseBcacheWritebackRateDebug(std::string_view text);

// Every cache set under fs/bcache ("*-*"), sorted by uuid. No directory: empty.
// A missing or malformed attribute fails the whole read, naming the file, as in
// procfs (which has no optional attributes).
Result<std::vector<BcacheStats>> ReadBcacheStats(const Paths& paths, bool priority_stats);

}  // namespace host_exporter::sysfs
