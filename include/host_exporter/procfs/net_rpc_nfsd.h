// /proc/net/rpc/nfsd (fs/nfsd/stats.c, nfsd_show), parsed as prometheus/procfs's
// nfs.ServerRPCStats. Thread safety: all functions are reentrant.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "host_exporter/paths.h"
#include "host_exporter/procfs/net_rpc_nfs.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct NfsdReplyCache {
  std::uint64_t hits = 0, misses = 0, no_cache = 0;
};
struct NfsdFileHandles {
  std::uint64_t stale = 0, total_lookups = 0, anon_lookups = 0, dir_no_cache = 0, no_dir_no_cache = 0;
};
struct NfsdInputOutput {
  std::uint64_t read = 0, write = 0;
};
struct NfsdThreads {
  std::uint64_t threads = 0, full_cnt = 0;
};
struct NfsdReadAheadCache {
  std::uint64_t cache_size = 0;
  std::array<std::uint64_t, 10> histogram{};
  std::uint64_t not_found = 0;
};
struct NfsdServerRpc {
  std::uint64_t rpc_count = 0, bad_cnt = 0, bad_fmt = 0, bad_auth = 0, badc_int = 0;
};
struct NfsdV4Stats {
  std::uint64_t null = 0, compound = 0;
};

// NFSv4 operations by number (RFC 7530/5661): ops[3] is ACCESS ... ops[39]
// RELEASE_LOCKOWNER. Kernels before 2.6 print 39 values: ops[39] stays 0.
using NfsdV4Ops = std::array<std::uint64_t, 40>;

struct ServerRpcStats {
  NfsdReplyCache reply_cache;
  NfsdFileHandles file_handles;
  NfsdInputOutput input_output;
  NfsdThreads threads;
  NfsdReadAheadCache read_ahead_cache;
  RpcNetwork network;
  NfsdServerRpc server_rpc;
  NfsV2Stats v2{};
  NfsV3Stats v3{};
  NfsdV4Stats v4;
  NfsdV4Ops v4_ops{};
  std::uint64_t wdeleg_getattr = 0;  // kernel 6.9+
};

Result<ServerRpcStats> ParseServerRpcStats(std::string_view text);
Result<ServerRpcStats> ReadServerRpcStats(const Paths& paths);

}  // namespace host_exporter::procfs
