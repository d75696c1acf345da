// /sys/devices/system/cpu, per Documentation/ABI/testing/sysfs-devices-system-cpu and
// Documentation/admin-guide/cputopology.rst: the cpuN directories, CPU lists
// (isolated, offline), topology, thermal_throttle and online, as prometheus/procfs reads them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

// A kernel CPU list ("0-3,8,10-11\n"): every CPU in order, ranges expanded. Empty
// entries are skipped, so "" and "\n" give an empty list. CPU numbers are 16-bit, as
// in procfs.
Result<std::vector<std::uint16_t>> ParseCpuList(std::string_view text);

// The cpuN entries of devices/system/cpu (names "cpu" + digit + anything, as the glob
// cpu[0-9]* matches), sorted by name as a glob returns them. A missing or unreadable
// directory gives an empty list, as a glob does.
std::vector<std::string> ListCpuDirs(const Paths& paths);

// devices/system/cpu/isolated. Missing: kNotFound.
Result<std::vector<std::uint16_t>> ReadIsolatedCpus(const Paths& paths);
// devices/system/cpu/offline. Missing: kNotFound.
Result<std::vector<std::uint16_t>> ReadOfflineCpus(const Paths& paths);

// devices/system/cpu/<cpu>/online is "1". Missing: kNotFound.
Result<bool> ReadCpuOnline(const Paths& paths, std::string_view cpu);

// Throttle counters and the topology they are keyed by, for one cpuN directory.
struct CpuThrottleSource {
  std::uint64_t package = 0;  // topology/physical_package_id
  std::uint64_t core = 0;     // topology/core_id
};
// Both topology ids, or the error of the first that is missing or not an unsigned
// integer (a package id of -1 is such an error).
Result<CpuThrottleSource> ReadCpuTopology(const Paths& paths, std::string_view cpu);
// thermal_throttle/core_throttle_count and package_throttle_count of one cpuN.
Result<std::uint64_t> ReadCoreThrottleCount(const Paths& paths, std::string_view cpu);
Result<std::uint64_t> ReadPackageThrottleCount(const Paths& paths, std::string_view cpu);

// The number in a cpuN name ("cpu12" -> "12").
std::string_view CpuNumber(std::string_view cpu_dir);

}  // namespace host_exporter::sysfs
