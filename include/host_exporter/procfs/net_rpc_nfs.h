// /proc/net/rpc/nfs (NFS client RPC statistics, net/sunrpc/stats.c and
// fs/nfs/*xdr.c procedure tables), parsed as prometheus/procfs's nfs package.
// The line helpers are shared with /proc/net/rpc/nfsd (net_rpc_nfsd.h).
// Thread safety: all functions are reentrant.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// Procedure names in file order, as node_exporter labels them (method="...").
// procfs reads the kernel's LAYOUTGET/GETDEVICEINFO pair swapped; so do we.
inline constexpr std::array<std::string_view, 18> kNfsV2Procedures = {
    "Null",   "GetAttr", "SetAttr", "Root", "Lookup",  "ReadLink", "Read",  "WrCache", "Write",
    "Create", "Remove",  "Rename",  "Link", "SymLink", "MkDir",    "RmDir", "ReadDir", "FsStat"};
inline constexpr std::array<std::string_view, 22> kNfsV3Procedures = {
    "Null",  "GetAttr", "SetAttr", "Lookup", "Access", "ReadLink", "Read",    "Write",       "Create", "MkDir",  "SymLink",
    "MkNod", "Remove",  "RmDir",   "Rename", "Link",   "ReadDir",  "ReadDirPlus", "FsStat", "FsInfo", "PathConf", "Commit"};
inline constexpr std::array<std::string_view, 59> kNfsV4ClientProcedures = {
    "Null",          "Read",           "Write",           "Commit",           "Open",
    "OpenConfirm",   "OpenNoattr",     "OpenDowngrade",   "Close",            "Setattr",
    "FsInfo",        "Renew",          "SetClientID",     "SetClientIDConfirm", "Lock",
    "Lockt",         "Locku",          "Access",          "Getattr",          "Lookup",
    "LookupRoot",    "Remove",         "Rename",          "Link",             "Symlink",
    "Create",        "Pathconf",       "StatFs",          "ReadLink",         "ReadDir",
    "ServerCaps",    "DelegReturn",    "GetACL",          "SetACL",           "FsLocations",
    "ReleaseLockowner", "Secinfo",     "FsidPresent",     "ExchangeID",       "CreateSession",
    "DestroySession", "Sequence",      "GetLeaseTime",    "ReclaimComplete",  "GetDeviceInfo",
    "LayoutGet",     "LayoutCommit",   "LayoutReturn",    "SecinfoNoName",    "TestStateID",
    "FreeStateID",   "GetDeviceList",  "BindConnToSession", "DestroyClientID", "Seek",
    "Allocate",      "DeAllocate",     "LayoutStats",     "Clone"};

using NfsV2Stats = std::array<std::uint64_t, kNfsV2Procedures.size()>;
using NfsV3Stats = std::array<std::uint64_t, kNfsV3Procedures.size()>;
using NfsV4ClientStats = std::array<std::uint64_t, kNfsV4ClientProcedures.size()>;

// The "net" line.
struct RpcNetwork {
  std::uint64_t net_count = 0;
  std::uint64_t udp_count = 0;
  std::uint64_t tcp_count = 0;
  std::uint64_t tcp_connect = 0;
};

// The client "rpc" line.
struct ClientRpc {
  std::uint64_t rpc_count = 0;
  std::uint64_t retransmissions = 0;
  std::uint64_t auth_refreshes = 0;
};

struct ClientRpcStats {
  RpcNetwork network;
  ClientRpc client_rpc;
  NfsV2Stats v2{};
  NfsV3Stats v3{};
  NfsV4ClientStats v4{};  // older kernels have fewer procedures: the rest stay 0
};

Result<ClientRpcStats> ParseClientRpcStats(std::string_view text);
Result<ClientRpcStats> ReadClientRpcStats(const Paths& paths);

// Shared line helpers. Values are the numbers after the key; procN lines
// start with their own count, which must match.
Result<std::vector<std::uint64_t>> ParseRpcValues(std::span<const std::string_view> fields);
Result<RpcNetwork> ParseRpcNetwork(std::span<const std::uint64_t> v);
Result<NfsV2Stats> ParseNfsV2Stats(std::span<const std::uint64_t> v);
Result<NfsV3Stats> ParseNfsV3Stats(std::span<const std::uint64_t> v);

}  // namespace host_exporter::procfs
