// /sys/class/fc_host/<host>/... and its statistics/, per the kernel's
// drivers/scsi/scsi_transport_fc.c, read as prometheus/procfs's
// sysfs.FibreChannelClass does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

// Absent counter files read as 0; a value of 2^64-1 means "not implemented by
// the HBA" and is left to the collector to drop.
struct FcHostCounters {
  std::uint64_t dumped_frames = 0;
  std::uint64_t error_frames = 0;
  std::uint64_t invalid_crc_count = 0;
  std::uint64_t rx_frames = 0;
  std::uint64_t rx_words = 0;
  std::uint64_t tx_frames = 0;
  std::uint64_t tx_words = 0;
  std::uint64_t seconds_since_last_reset = 0;
  std::uint64_t invalid_tx_word_count = 0;
  std::uint64_t link_failure_count = 0;
  std::uint64_t loss_of_sync_count = 0;
  std::uint64_t loss_of_signal_count = 0;
  std::uint64_t nos_count = 0;
  std::uint64_t fcp_packet_aborts = 0;
};

// String attributes; absent ones are "" (drivers may not expose them). The
// *_name and port_id values lose their "0x" prefix, as in procfs.
struct FcHost {
  std::string name;
  std::string speed;
  std::string port_state;
  std::string port_type;
  std::string symbolic_name;
  std::string node_name;
  std::string port_id;
  std::string port_name;
  std::string fabric_name;
  std::string dev_loss_tmo;
  std::string supported_classes;
  std::string supported_speeds;
  FcHostCounters counters;
};

// Applies one statistics/<name> value ("0x1f", as the kernel prints it) to the
// counters; unknown names are ignored.
Status ParseFcHostStatistic(std::string_view name, std::string_view value, FcHostCounters& out);

// Every host under class/fc_host, sorted. No class/fc_host or a host without
// statistics/: kNotFound.
Result<std::vector<FcHost>> ReadFcHosts(const Paths& paths);

}  // namespace host_exporter::sysfs
