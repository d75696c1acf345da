// /proc/net/arp, per net/ipv4/arp.c (arp_seq_show), parsed as
// prometheus/procfs (GatherARPEntries) does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// "192.168.1.1  0x1  0x2  cc:aa:dd:ee:aa:bb  *  eth0"
struct ArpEntry {
  std::string ip;
  std::vector<std::uint8_t> hw_addr;
  std::uint8_t flags = 0;  // ATF_*
  std::string device;
};

// Lines of 9 fields (the header) and empty lines are skipped; every other line
// must have 6 fields with a valid MAC address (Go's net.ParseMAC, so truncated
// InfiniBand addresses fail) and flags fitting a byte. Errors name the line.
Result<std::vector<ArpEntry>> ParseNetArp(std::string_view text);
Result<std::vector<ArpEntry>> ReadNetArp(const Paths& paths);

}  // namespace host_exporter::procfs
