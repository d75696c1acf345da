// XFS runtime statistics: /proc/fs/xfs/stat (all filesystems) and, since Linux 4.4,
// /sys/fs/xfs/<device>/stats/stats (one filesystem), in the format of the kernel's
// fs/xfs/xfs_stats.c, parsed as prometheus/procfs's xfs.ParseStats does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct XfsStats {
  std::string name;  // device ("sda1") for per-filesystem stats; empty for /proc/fs/xfs/stat

  struct ExtentAllocation {
    std::uint32_t extents_allocated = 0, blocks_allocated = 0, extents_freed = 0, blocks_freed = 0;
  };
  struct BTree {
    std::uint32_t lookups = 0, compares = 0, records_inserted = 0, records_deleted = 0;
  };
  struct BlockMapping {
    std::uint32_t reads = 0, writes = 0, unmaps = 0, extent_list_insertions = 0, extent_list_deletions = 0,
                  extent_list_lookups = 0, extent_list_compares = 0;
  };
  struct DirectoryOperation {
    std::uint32_t lookups = 0, creates = 0, removes = 0, getdents = 0;
  };
  struct Transaction {
    std::uint32_t sync = 0, async = 0, empty = 0;
  };
  struct InodeOperation {
    std::uint32_t attempts = 0, found = 0, recycle = 0, missed = 0, duplicate = 0, reclaims = 0,
                  attribute_change = 0;
  };
  struct LogOperation {
    std::uint32_t writes = 0, blocks = 0, no_internal_buffers = 0, force = 0, force_sleep = 0;
  };
  struct ReadWrite {
    std::uint32_t read = 0, write = 0;
  };
  struct AttributeOperation {
    std::uint32_t get = 0, set = 0, remove = 0, list = 0;
  };
  struct InodeClustering {
    std::uint32_t iflush = 0, flush = 0, flush_inode = 0;
  };
  struct Vnode {
    std::uint32_t active = 0, allocate = 0, get = 0, hold = 0, release = 0, reclaim = 0, remove = 0, free = 0;
  };
  struct Buffer {
    std::uint32_t get = 0, create = 0, get_locked = 0, get_locked_waited = 0, busy_locked = 0,
                  miss_locked = 0, page_retries = 0, page_found = 0, get_read = 0;
  };
  struct ExtendedPrecision {
    std::uint64_t flush_bytes = 0, write_bytes = 0, read_bytes = 0;
  };

  // A line the kernel does not print (older kernels) leaves its group at zero.
  ExtentAllocation extent_allocation;      // extent_alloc
  BTree allocation_btree;                  // abt
  BlockMapping block_mapping;              // blk_map
  BTree block_map_btree;                   // bmbt
  DirectoryOperation directory_operation;  // dir
  Transaction transaction;                 // trans
  InodeOperation inode_operation;          // ig
  LogOperation log_operation;              // log
  ReadWrite read_write;                    // rw: write calls first, then read calls
  AttributeOperation attribute_operation;  // attr
  InodeClustering inode_clustering;        // icluster
  Vnode vnode;                             // vnodes: 7 values before "free" was added, else 8
  Buffer buffer;                           // buf
  ExtendedPrecision extended_precision;    // xpc (64-bit)
};

// Pure. Lines "<label> <values...>"; lines with fewer than two fields are skipped.
// Every value must be a uint32 (xpc: uint64), known groups must have their exact
// number of values; other labels (push_ail, abtb2, rmapbt, qm, ...) are not kept.
Result<XfsStats> ParseXfsStats(std::string_view text);

// /proc/fs/xfs/stat. kNotFound without XFS.
Result<XfsStats> ReadXfsProcStats(const Paths& paths);

// /sys/fs/xfs/*/stats/stats, one per mounted XFS filesystem, sorted by device.
// None (no XFS, or a kernel before 4.4): an empty list.
Result<std::vector<XfsStats>> ReadXfsSysStats(const Paths& paths);

}  // namespace host_exporter::procfs
