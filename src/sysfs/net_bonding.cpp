#include "host_exporter/sysfs/net_bonding.h"

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {

std::vector<std::string> ParseBondingNames(std::string_view text) {
  std::vector<std::string> out;
  for (auto line : SplitLines(text)) {
    for (auto f : SplitFields(line)) out.emplace_back(f);
  }
  return out;
}

Result<std::map<std::string, BondingMaster>> ReadBondingStats(const Paths& paths) {
  std::string root = paths.Sys("class/net");
  auto masters = ReadFile(root + "/bonding_masters");
  if (!masters) return std::unexpected(masters.error());
  std::map<std::string, BondingMaster> out;
  for (const auto& master : ParseBondingNames(*masters)) {
    auto slaves = ReadFile(root + "/" + master + "/bonding/slaves");
    if (!slaves) return std::unexpected(slaves.error());
    BondingMaster m;
    for (const auto& slave : ParseBondingNames(*slaves)) {
      auto state = ReadFile(root + "/" + master + "/lower_" + slave + "/bonding_slave/mii_status");
      if (!state && state.error().kind == ErrorKind::kNotFound) {
        state = ReadFile(root + "/" + master + "/slave_" + slave + "/bonding_slave/mii_status");
      }
      if (!state) return std::unexpected(state.error());
      ++m.slaves;
      if (Trim(*state) == "up") ++m.active;
    }
    out[master] = m;
  }
  return out;
}

}  // namespace host_exporter::sysfs
