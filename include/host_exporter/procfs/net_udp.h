// /proc/net/udp and /proc/net/udp6, per Documentation/networking/proc_net_tcp.rst
// (same layout as tcp; udp adds "ref pointer drops" after the inode).
#pragma once

#include <cstdint>
#include <string_view>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// Totals over all sockets, as prometheus/procfs's NetIPSocketSummary.
struct NetUDPSummary {
  std::uint64_t tx_queue = 0;
  std::uint64_t rx_queue = 0;
  std::uint64_t used_sockets = 0;
  std::uint64_t drops = 0;
};

// Skips the header line; every other line must be a well-formed socket line
// (addresses of 4 or 16 bytes, hex queues, uid, inode and drops), as procfs
// validates them. Errors name the line.
Result<NetUDPSummary> ParseNetUDP(std::string_view text);
// A missing file (no IPv4 / no IPv6 in the kernel) is kNotFound.
Result<NetUDPSummary> ReadNetUDP(const Paths& paths);
Result<NetUDPSummary> ReadNetUDP6(const Paths& paths);

}  // namespace host_exporter::procfs
