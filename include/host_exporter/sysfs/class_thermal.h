// /sys/class/thermal/thermal_zone<N>/ and /sys/class/thermal/cooling_device<N>/, per
// Documentation/driver-api/thermal/sysfs-api.rst, read as prometheus/procfs's
// ClassThermalZoneStats and ClassCoolingDeviceStats do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct ThermalZone {
  std::string name;                      // "0" from thermal_zone0
  std::string type;                      // "x86_pkg_temp", "acpitz"
  std::int64_t temp = 0;                 // millidegrees Celsius
  std::string policy;                    // thermal governor: "step_wise"
  std::optional<bool> mode;              // "enabled" / "disabled"; absent on old kernels
  std::optional<std::uint64_t> passive;  // millidegrees; only some ACPI zones
};

struct CoolingDevice {
  std::string name;  // "0" from cooling_device0
  std::string type;  // "Processor", "intel_powerclamp"
  std::int64_t max_state = 0;
  std::int64_t cur_state = 0;  // -1 for an idle intel_powerclamp
};

// Pure parsers of single attributes (content already trimmed).
Result<std::int64_t> ParseThermalTemp(std::string_view s);  // decimal int64
std::optional<bool> ParseThermalMode(std::string_view s);   // procfs's ParseBool
Result<std::uint64_t> ParseThermalPassive(std::string_view s);
Result<std::int64_t> ParseCoolingState(std::string_view s);

// Zones thermal_zone[0-9]*, sorted by directory name. A zone whose required
// attributes (type, policy, temp) cannot be opened, or whose driver answers
// ENODATA, EAGAIN or EINVAL (a sensor that is off), is skipped. No class/thermal
// directory: no zones. Errors: kNoData for permission or missing-file errors
// node_exporter reports as no data, kIo, kParse naming the file.
Result<std::vector<ThermalZone>> ReadThermalZones(const Paths& paths);

// Devices cooling_device[0-9]*, sorted. A device whose files are missing,
// unreadable (EACCES), or answer EINVAL/EOPNOTSUPP is skipped. Errors as above.
Result<std::vector<CoolingDevice>> ReadCoolingDevices(const Paths& paths);

}  // namespace host_exporter::sysfs
