// /sys/class/powercap/<zone>/{name,energy_uj,max_energy_range_uj}: RAPL zones, per
// Documentation/power/powercap/powercap.rst, read as prometheus/procfs's GetRaplZones does.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct RaplZone {
  std::string name;        // "package", "core", "dram" (index suffix removed)
  std::int64_t index = 0;  // from "package-0", else how often the name was seen before
  std::string path;        // Go's filepath.Join(sysfs, "class/powercap", dir): the "path" label
  std::uint64_t max_microjoules = 0;
};

using RaplNameCounts = std::map<std::string, std::int64_t, std::less<>>;

// Pure. procfs's getIndexAndName: "package-1" -> (1, "package"); a name without a
// numeric "-N" suffix gets the count of earlier zones with that name, which
// `seen` tracks (update it with RecordRaplName).
std::pair<std::int64_t, std::string> RaplIndexAndName(const RaplNameCounts& seen, std::string_view raw_name);
void RecordRaplName(RaplNameCounts& seen, const std::string& name, std::int64_t index);

// Zones in directory order; directories without a readable "name" file (the
// "intel-rapl" control type) are skipped. Errors (max_energy_range_uj): kNotFound
// when missing, kNoData when permission is denied (node_exporter: no data), kIo,
// kParse naming the file. A missing class/powercap is kNotFound.
Result<std::vector<RaplZone>> ReadRaplZones(const Paths& paths);

// <zone>/energy_uj. Permission denied (root-only since Linux 5.10): kNoData.
Result<std::uint64_t> ReadRaplEnergyMicrojoules(const RaplZone& zone);

}  // namespace host_exporter::sysfs
