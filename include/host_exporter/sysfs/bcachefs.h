// /sys/fs/bcachefs/<uuid>/..., per Documentation/filesystems/bcachefs and the
// kernel's fs/bcachefs/sysfs.c, read as prometheus/procfs's bcachefs package does.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct BcachefsCompression {
  std::uint64_t compressed_bytes = 0;
  std::uint64_t uncompressed_bytes = 0;
  std::uint64_t average_extent_size_bytes = 0;
};

struct BcachefsError {
  std::uint64_t count = 0;
  std::uint64_t timestamp = 0;
};

struct BcachefsCounter {
  std::uint64_t since_mount = 0;
  std::uint64_t since_filesystem_creation = 0;
};

struct BcachefsBtreeWrite {
  std::uint64_t count = 0;
  std::uint64_t size_bytes = 0;
};

struct BcachefsDevice {
  std::string label;
  std::string state;
  std::uint64_t bucket_size_bytes = 0;
  std::uint64_t buckets = 0;
  std::uint64_t durability = 0;
  std::map<std::string, std::map<std::string, std::uint64_t>> io_done;  // op -> data type
  std::map<std::string, std::uint64_t> io_errors;                        // since creation
};

struct BcachefsStats {
  std::string uuid;
  std::uint64_t btree_cache_size_bytes = 0;
  std::map<std::string, BcachefsCompression> compression;
  std::map<std::string, BcachefsError> errors;
  std::map<std::string, BcachefsCounter> counters;
  std::map<std::string, BcachefsBtreeWrite> btree_writes;
  std::map<std::string, BcachefsDevice> devices;  // keyed by the number after "dev-"
};

// "2.05G", "720", "62.5k": a float with an optional binary k/M/G/T/P/E suffix.
Result<std::uint64_t> ParseBcachefsHumanBytes(std::string_view s);
// compression_stats: a header line, then "<algorithm> <compressed> <uncompressed> [<avg extent>]".
Result<std::map<std::string, BcachefsCompression>> ParseBcachefsCompressionStats(std::string_view text);
// errors: "<name> <count> [<timestamp>]".
Result<std::map<std::string, BcachefsError>> ParseBcachefsErrors(std::string_view text);
// counters/<name>: "since mount: N" and "since filesystem creation: N".
Result<BcachefsCounter> ParseBcachefsCounter(std::string_view text);
// btree_write_stats: a header line, then "<type>: <count> <avg size>".
Result<std::map<std::string, BcachefsBtreeWrite>> ParseBcachefsBtreeWriteStats(std::string_view text);
// dev-N/io_done: "read:" / "write:" sections of "<data type> : <bytes>".
Result<std::map<std::string, std::map<std::string, std::uint64_t>>> ParseBcachefsIoDone(
    std::string_view text);
// dev-N/io_errors: the "IO errors since filesystem creation" section.
Result<std::map<std::string, std::uint64_t>> ParseBcachefsIoErrors(std::string_view text);

// Every directory under fs/bcachefs. No fs/bcachefs: kNotFound. Missing
// attribute files are skipped (zero values), as in procfs.
Result<std::vector<BcachefsStats>> ReadBcachefsStats(const Paths& paths);

}  // namespace host_exporter::sysfs
