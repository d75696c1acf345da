// /sys/class/net/bonding_masters and each master's bonding/slaves and
// lower_<slave>/bonding_slave/mii_status, per Documentation/networking/bonding.rst.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct BondingMaster {
  int slaves = 0;  // configured
  int active = 0;  // mii_status "up"
};

// bonding_masters and bonding/slaves: whitespace-separated interface names.
std::vector<std::string> ParseBondingNames(std::string_view text);

// Every master in bonding_masters. Any missing file (bonding not loaded, a
// master or slave gone mid-read) is kNotFound, as node_exporter treats any
// ErrNotExist as no data; slaves are looked up as lower_<name>, then slave_<name>
// (older kernels).
Result<std::map<std::string, BondingMaster>> ReadBondingStats(const Paths& paths);

}  // namespace host_exporter::sysfs
