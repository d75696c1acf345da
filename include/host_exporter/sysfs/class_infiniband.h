// /sys/class/infiniband, per Documentation/ABI/stable/sysfs-class-infiniband, read
// as prometheus/procfs's sysfs.InfiniBandClass does.
// Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

// ports/<n>/counters (and, before kernel 4.5, counters_ext for the 64-bit ones).
// A counter is absent when its file is missing, unreadable or "N/A (no PMA)".
// Data counters are per lane and already multiplied by 4, as procfs does.
struct InfiniBandCounters {
  std::optional<std::uint64_t> legacy_port_multicast_rcv_packets;   // counters_ext/port_multicast_rcv_packets
  std::optional<std::uint64_t> legacy_port_multicast_xmit_packets;  // counters_ext/port_multicast_xmit_packets
  std::optional<std::uint64_t> legacy_port_rcv_data64;              // counters_ext/port_rcv_data_64 (x4)
  std::optional<std::uint64_t> legacy_port_rcv_packets64;           // counters_ext/port_rcv_packets_64
  std::optional<std::uint64_t> legacy_port_unicast_rcv_packets;     // counters_ext/port_unicast_rcv_packets
  std::optional<std::uint64_t> legacy_port_unicast_xmit_packets;    // counters_ext/port_unicast_xmit_packets
  std::optional<std::uint64_t> legacy_port_xmit_data64;             // counters_ext/port_xmit_data_64 (x4)
  std::optional<std::uint64_t> legacy_port_xmit_packets64;          // counters_ext/port_xmit_packets_64

  std::optional<std::uint64_t> excessive_buffer_overrun_errors;
  std::optional<std::uint64_t> link_downed;
  std::optional<std::uint64_t> link_error_recovery;
  std::optional<std::uint64_t> local_link_integrity_errors;
  std::optional<std::uint64_t> multicast_rcv_packets;
  std::optional<std::uint64_t> multicast_xmit_packets;
  std::optional<std::uint64_t> port_rcv_constraint_errors;
  std::optional<std::uint64_t> port_rcv_data;  // x4
  std::optional<std::uint64_t> port_rcv_discards;
  std::optional<std::uint64_t> port_rcv_errors;
  std::optional<std::uint64_t> port_rcv_packets;
  std::optional<std::uint64_t> port_rcv_remote_physical_errors;
  std::optional<std::uint64_t> port_rcv_switch_relay_errors;
  std::optional<std::uint64_t> port_xmit_constraint_errors;
  std::optional<std::uint64_t> port_xmit_data;  // x4
  std::optional<std::uint64_t> port_xmit_discards;
  std::optional<std::uint64_t> port_xmit_packets;
  std::optional<std::uint64_t> port_xmit_wait;
  std::optional<std::uint64_t> symbol_error;
  std::optional<std::uint64_t> unicast_rcv_packets;
  std::optional<std::uint64_t> unicast_xmit_packets;
  std::optional<std::uint64_t> vl15_dropped;  // counters/VL15_dropped
};

struct InfiniBandPort {
  std::string name;  // the device's name
  unsigned port = 0;
  std::string state;           // "ACTIVE"
  unsigned state_id = 0;       // 4
  std::string phys_state;      // "LinkUp"
  unsigned phys_state_id = 0;  // 5
  std::uint64_t rate = 0;      // bytes/second
  InfiniBandCounters counters;
};

struct InfiniBandDevice {
  std::string name;
  std::string board_id;          // empty when the driver has no board_id
  std::string firmware_version;  // fw_ver
  std::string hca_type;          // empty when the driver has no hca_type
  std::map<unsigned, InfiniBandPort> ports;
};

// "4: ACTIVE" -> {4, "ACTIVE"}.
Result<std::pair<unsigned, std::string>> ParseInfiniBandState(std::string_view text);
// "100 Gb/sec (4X EDR)" -> bytes/second (the number is read as a float32, like procfs).
Result<std::uint64_t> ParseInfiniBandRate(std::string_view text);

// Every device in /sys/class/infiniband, sorted by name. A missing file gives
// ErrorKind::kNotFound (node_exporter then reports no data); parse errors name the file.
Result<std::vector<InfiniBandDevice>> ReadInfiniBandClass(const Paths& paths);

}  // namespace host_exporter::sysfs
