// /proc/net/ip_vs and /proc/net/ip_vs_stats (IPVS, net/netfilter/ipvs/ip_vs_ctl.c),
// parsed as prometheus/procfs's IPVSStats and IPVSBackendStatus.
// Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// The totals line of ip_vs_stats (hexadecimal in the file).
struct IPVSStats {
  std::uint64_t connections = 0;
  std::uint64_t incoming_packets = 0;
  std::uint64_t outgoing_packets = 0;
  std::uint64_t incoming_bytes = 0;
  std::uint64_t outgoing_bytes = 0;
};

// One real server ("->" line) of a virtual service.
struct IPVSBackendStatus {
  std::string local_address;  // as Go's net.IP prints it; empty for firewall-mark services
  std::uint16_t local_port = 0;
  std::string local_mark;     // hexadecimal firewall mark of FWM services, else empty
  std::string remote_address;
  std::uint16_t remote_port = 0;
  std::string proto;          // TCP, UDP, FWM
  std::uint64_t weight = 0;
  std::uint64_t active_conn = 0;
  std::uint64_t inact_conn = 0;
};

Result<IPVSStats> ParseIPVSStats(std::string_view text);
// Lines of services and their real servers; headers and unknown lines are skipped.
Result<std::vector<IPVSBackendStatus>> ParseIPVSBackendStatus(std::string_view text);

// "C0A80016:0CEA" (IPv4) or "[2620:0000:...:0001]:0050" (IPv6) -> address, port.
struct IPPort {
  std::string address;
  std::uint16_t port = 0;
};
Result<IPPort> ParseIPVSAddress(std::string_view s);

Result<IPVSStats> ReadIPVSStats(const Paths& paths);
Result<std::vector<IPVSBackendStatus>> ReadIPVSBackendStatus(const Paths& paths);

}  // namespace host_exporter::procfs
