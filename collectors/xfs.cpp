// node_exporter's xfs collector: node_xfs_* per XFS filesystem from
// /sys/fs/xfs/<device>/stats/stats (node_exporter does not read /proc/fs/xfs/stat).
#include "host_exporter/collector.h"
#include "host_exporter/procfs/xfs_stat.h"

namespace host_exporter::collectors::xfs {
namespace {

using procfs::XfsStats;

struct XfsMetric {
  std::string_view name;
  std::string_view help;
  std::uint32_t (*value)(const XfsStats&);
};

// node_exporter's list (names and help from http://xfs.org/index.php/Runtime_Stats).
constexpr XfsMetric kMetrics[] = {
    {"extent_allocation_extents_allocated_total", "Number of extents allocated for a filesystem.",
     [](const XfsStats& s) { return s.extent_allocation.extents_allocated; }},
    {"extent_allocation_blocks_allocated_total", "Number of blocks allocated for a filesystem.",
     [](const XfsStats& s) { return s.extent_allocation.blocks_allocated; }},
    {"extent_allocation_extents_freed_total", "Number of extents freed for a filesystem.",
     [](const XfsStats& s) { return s.extent_allocation.extents_freed; }},
    {"extent_allocation_blocks_freed_total", "Number of blocks freed for a filesystem.",
     [](const XfsStats& s) { return s.extent_allocation.blocks_freed; }},
    {"allocation_btree_lookups_total", "Number of allocation B-tree lookups for a filesystem.",
     [](const XfsStats& s) { return s.allocation_btree.lookups; }},
    {"allocation_btree_compares_total", "Number of allocation B-tree compares for a filesystem.",
     [](const XfsStats& s) { return s.allocation_btree.compares; }},
    {"allocation_btree_records_inserted_total",
     "Number of allocation B-tree records inserted for a filesystem.",
     [](const XfsStats& s) { return s.allocation_btree.records_inserted; }},
    {"allocation_btree_records_deleted_total",
     "Number of allocation B-tree records deleted for a filesystem.",
     [](const XfsStats& s) { return s.allocation_btree.records_deleted; }},
    {"block_mapping_reads_total", "Number of block map for read operations for a filesystem.",
     [](const XfsStats& s) { return s.block_mapping.reads; }},
    {"block_mapping_writes_total", "Number of block map for write operations for a filesystem.",
     [](const XfsStats& s) { return s.block_mapping.writes; }},
    {"block_mapping_unmaps_total", "Number of block unmaps (deletes) for a filesystem.",
     [](const XfsStats& s) { return s.block_mapping.unmaps; }},
    {"block_mapping_extent_list_insertions_total", "Number of extent list insertions for a filesystem.",
     [](const XfsStats& s) { return s.block_mapping.extent_list_insertions; }},
    {"block_mapping_extent_list_deletions_total", "Number of extent list deletions for a filesystem.",
     [](const XfsStats& s) { return s.block_mapping.extent_list_deletions; }},
    {"block_mapping_extent_list_lookups_total", "Number of extent list lookups for a filesystem.",
     [](const XfsStats& s) { return s.block_mapping.extent_list_lookups; }},
    {"block_mapping_extent_list_compares_total", "Number of extent list compares for a filesystem.",
     [](const XfsStats& s) { return s.block_mapping.extent_list_compares; }},
    {"block_map_btree_lookups_total", "Number of block map B-tree lookups for a filesystem.",
     [](const XfsStats& s) { return s.block_map_btree.lookups; }},
    {"block_map_btree_compares_total", "Number of block map B-tree compares for a filesystem.",
     [](const XfsStats& s) { return s.block_map_btree.compares; }},
    {"block_map_btree_records_inserted_total",
     "Number of block map B-tree records inserted for a filesystem.",
     [](const XfsStats& s) { return s.block_map_btree.records_inserted; }},
    {"block_map_btree_records_deleted_total", "Number of block map B-tree records deleted for a filesystem.",
     [](const XfsStats& s) { return s.block_map_btree.records_deleted; }},
    {"directory_operation_lookup_total",
     "Number of file name directory lookups which miss the operating systems directory name lookup cache.",
     [](const XfsStats& s) { return s.directory_operation.lookups; }},
    {"directory_operation_create_total",
     "Number of times a new directory entry was created for a filesystem.",
     [](const XfsStats& s) { return s.directory_operation.creates; }},
    {"directory_operation_remove_total",
     "Number of times an existing directory entry was created for a filesystem.",
     [](const XfsStats& s) { return s.directory_operation.removes; }},
    {"directory_operation_getdents_total",
     "Number of times the directory getdents operation was performed for a filesystem.",
     [](const XfsStats& s) { return s.directory_operation.getdents; }},
    {"inode_operation_attempts_total", "Number of times the OS looked for an XFS inode in the inode cache.",
     [](const XfsStats& s) { return s.inode_operation.attempts; }},
    {"inode_operation_found_total",
     "Number of times the OS looked for and found an XFS inode in the inode cache.",
     [](const XfsStats& s) { return s.inode_operation.found; }},
    {"inode_operation_recycled_total",
     "Number of times the OS found an XFS inode in the cache, but could not use it as it was being recycled.",
     [](const XfsStats& s) { return s.inode_operation.recycle; }},
    {"inode_operation_missed_total",
     "Number of times the OS looked for an XFS inode in the cache, but did not find it.",
     [](const XfsStats& s) { return s.inode_operation.missed; }},
    {"inode_operation_duplicates_total",
     "Number of times the OS tried to add a missing XFS inode to the inode cache, but found it had already "
     "been added by another process.",
     [](const XfsStats& s) { return s.inode_operation.duplicate; }},
    {"inode_operation_reclaims_total",
     "Number of times the OS reclaimed an XFS inode from the inode cache to free memory for another purpose.",
     [](const XfsStats& s) { return s.inode_operation.reclaims; }},
    {"inode_operation_attribute_changes_total",
     "Number of times the OS explicitly changed the attributes of an XFS inode.",
     [](const XfsStats& s) { return s.inode_operation.attribute_change; }},
    {"read_calls_total", "Number of read(2) system calls made to files in a filesystem.",
     [](const XfsStats& s) { return s.read_write.read; }},
    {"write_calls_total", "Number of write(2) system calls made to files in a filesystem.",
     [](const XfsStats& s) { return s.read_write.write; }},
    {"vnode_active_total", "Number of vnodes not on free lists for a filesystem.",
     [](const XfsStats& s) { return s.vnode.active; }},
    {"vnode_allocate_total", "Number of times vn_alloc called for a filesystem.",
     [](const XfsStats& s) { return s.vnode.allocate; }},
    {"vnode_get_total", "Number of times vn_get called for a filesystem.",
     [](const XfsStats& s) { return s.vnode.get; }},
    {"vnode_hold_total", "Number of times vn_hold called for a filesystem.",
     [](const XfsStats& s) { return s.vnode.hold; }},
    {"vnode_release_total", "Number of times vn_rele called for a filesystem.",
     [](const XfsStats& s) { return s.vnode.release; }},
    {"vnode_reclaim_total", "Number of times vn_reclaim called for a filesystem.",
     [](const XfsStats& s) { return s.vnode.reclaim; }},
    {"vnode_remove_total", "Number of times vn_remove called for a filesystem.",
     [](const XfsStats& s) { return s.vnode.remove; }},
};

class XfsCollector final : public Collector {
 public:
  explicit XfsCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto stats = procfs::ReadXfsSysStats(paths_);
    if (!stats) {
      Error e = stats.error();
      e.message = "failed to retrieve XFS stats: " + e.message;
      return std::unexpected(e);
    }
    for (const auto& s : *stats) {
      for (const auto& m : kMetrics) {
        out.Counter("node_xfs_" + std::string(m.name), m.help, static_cast<double>(m.value(s)),
                    {{"device", s.name}});
      }
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<XfsCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::xfs
