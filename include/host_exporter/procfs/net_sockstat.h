// /proc/net/sockstat and /proc/net/sockstat6 (net/ipv4/proc.c, net/ipv6/proc.c),
// parsed as prometheus/procfs parses them (net_sockstat.go).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct SockstatProtocol {
  std::string protocol;  // "TCP", "UDP6", ...
  std::int64_t inuse = 0;  // 0 when the line has no "inuse"
  std::optional<std::int64_t> orphan, tw, alloc, mem, memory;
};

struct NetSockstat {
  std::optional<std::int64_t> used;  // the "sockets: used N" line (IPv4 only)
  std::vector<SockstatProtocol> protocols;  // file order
};

// "PROTO: key value key value ..." per line, fields separated by single spaces.
// A line with fewer than three fields, an odd number of key/value fields, or a
// value that is not an integer (Go base-0 syntax) is an error naming the line.
Result<NetSockstat> ParseNetSockstat(std::string_view text);
// Missing files are ErrorKind::kNotFound (IPv4 or IPv6 disabled).
Result<NetSockstat> ReadNetSockstat(const Paths& paths);
Result<NetSockstat> ReadNetSockstat6(const Paths& paths);

}  // namespace host_exporter::procfs
