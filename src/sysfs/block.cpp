#include "host_exporter/sysfs/block.h"

#include <string>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

// procfs reads these with ParseUint / ParseInt / as text; any failure voids the lot.
constexpr std::string_view kUintAttrs[] = {
    "add_random",         "dax",
    "discard_granularity", "discard_max_hw_bytes",
    "discard_max_bytes",  "hw_sector_size",
    "io_poll",            "io_timeout",
    "iostats",            "logical_block_size",
    "max_hw_sectors_kb",  "max_integrity_segments",
    "max_sectors_kb",     "max_segments",
    "max_segment_size",   "minimum_io_size",
    "nomerges",           "nr_requests",
    "optimal_io_size",    "physical_block_size",
    "read_ahead_kb",      "rq_affinity",
    "write_same_max_bytes", "nr_zones",
    "chunk_sectors",      "fua",
    "max_discard_segments", "write_zeroes_max_bytes",
};
constexpr std::string_view kIntAttrs[] = {"io_poll_delay", "wbt_lat_usec"};
constexpr std::string_view kTextAttrs[] = {"write_cache", "zoned", "scheduler"};

Result<std::string> ReadAttr(const std::string& queue, std::string_view name) {
  std::string path = Paths::Join(queue, name);
  auto text = ReadFile(path, 4096);
  if (!text) return std::unexpected(text.error());
  return std::string(Trim(*text));
}

}  // namespace

Result<std::uint64_t> ReadBlockQueueRotational(const Paths& paths, std::string_view device) {
  std::string queue = paths.Sys("block/" + std::string(device) + "/queue");
  // A non-rotational or absent flag gives 0 whatever the other attributes hold.
  auto rot_text = ReadAttr(queue, "rotational");
  if (!rot_text) return std::unexpected(rot_text.error());
  auto rotational = ParseUint(*rot_text);
  if (!rotational) return std::unexpected(InFile(Paths::Join(queue, "rotational"), rotational.error()));
  if (*rotational == 0) return 0;
  for (std::string_view name : kUintAttrs) {
    auto v = ReadAttr(queue, name);
    if (!v) return std::unexpected(v.error());
    if (auto n = ParseUint(*v); !n) return std::unexpected(InFile(Paths::Join(queue, name), n.error()));
  }
  for (std::string_view name : kIntAttrs) {
    auto v = ReadAttr(queue, name);
    if (!v) return std::unexpected(v.error());
    if (auto n = ParseInt(*v); !n) return std::unexpected(InFile(Paths::Join(queue, name), n.error()));
  }
  for (std::string_view name : kTextAttrs) {
    auto v = ReadAttr(queue, name);
    if (!v) return std::unexpected(v.error());
  }
  return *rotational;
}

}  // namespace host_exporter::sysfs
