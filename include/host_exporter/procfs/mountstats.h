// /proc/<pid>/mountstats, per fs/nfs/super.c (nfs_show_stats) and
// net/sunrpc/xprtsock.c / stats.c (xprt and per-op lines), parsed as
// prometheus/procfs parses it (mountstats.go): every mount, with NFS statistics
// for NFS mounts.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct NfsBytes {
  std::uint64_t read = 0, write = 0, direct_read = 0, direct_write = 0;
  std::uint64_t read_total = 0, write_total = 0, read_pages = 0, write_pages = 0;
};

struct NfsEvents {
  std::uint64_t inode_revalidate = 0, dnode_revalidate = 0, data_invalidate = 0, attribute_invalidate = 0;
  std::uint64_t vfs_open = 0, vfs_lookup = 0, vfs_access = 0, vfs_update_page = 0, vfs_read_page = 0;
  std::uint64_t vfs_read_pages = 0, vfs_write_page = 0, vfs_write_pages = 0, vfs_getdents = 0;
  std::uint64_t vfs_setattr = 0, vfs_flush = 0, vfs_fsync = 0, vfs_lock = 0, vfs_file_release = 0;
  std::uint64_t congestion_wait = 0, truncation = 0, write_extension = 0, silly_rename = 0;
  std::uint64_t short_read = 0, short_write = 0, jukebox_delay = 0, pnfs_read = 0, pnfs_write = 0;
};

struct NfsOperation {
  std::string name;  // "READ"
  std::uint64_t requests = 0, transmissions = 0, major_timeouts = 0, bytes_sent = 0, bytes_received = 0;
  std::uint64_t queue_ms = 0, response_ms = 0, request_ms = 0;
  std::uint64_t errors = 0;  // ninth number, on kernels that write it
};

// One "xprt:" line. udp has no connect count or idle times (0 here); stat
// version 1.0 has no slot and queue counters (0 here).
struct NfsTransport {
  std::string protocol;  // "tcp", "udp", "rdma"
  std::uint64_t port = 0, bind = 0, connect = 0, connect_idle_time = 0, idle_time_seconds = 0;
  std::uint64_t sends = 0, receives = 0, bad_transaction_ids = 0, cumulative_active_requests = 0;
  std::uint64_t cumulative_backlog = 0, maximum_rpc_slots_used = 0, cumulative_sending_queue = 0;
  std::uint64_t cumulative_pending_queue = 0;
};

struct NfsMountStats {
  std::string stat_version;  // "1.1" of "statvers=1.1"
  std::chrono::nanoseconds age{0};
  NfsBytes bytes;
  NfsEvents events;
  std::vector<NfsOperation> operations;
  std::vector<NfsTransport> transports;  // several with nconnect
};

struct MountStatsEntry {
  std::string device;       // "server:/export"
  std::string mount_point;  // as written
  std::string fs_type;
  std::optional<NfsMountStats> nfs;  // for "... statvers=<v>" lines
};

// "device <dev> mounted on <dir> with fstype <type> [statvers=<v>]" starts an
// entry; other lines before it are skipped. With statvers, the type must be
// nfs or nfs4 and the entry's "opts:", "age:", "events:" (27 numbers),
// "bytes:" (8), "xprt:" lines follow up to "per-op statistics", then one
// "<OP>: <8 or more numbers>" line per operation up to a blank line.
// Transport field counts depend on the stat version and protocol (1.0: tcp 10,
// udp 7; 1.1: tcp 13, udp 10, rdma at least 20). Any deviation is an error
// naming the line.
Result<std::vector<MountStatsEntry>> ParseMountStats(std::string_view text);
// <procfs>/<pid>/mountstats.
Result<std::vector<MountStatsEntry>> ReadMountStats(const Paths& paths, std::string_view pid);

}  // namespace host_exporter::procfs
