// /sys/class/hwmon/hwmon*, per Documentation/hwmon/sysfs-interface.rst, read
// as node_exporter's hwmon collector does (chip naming, sensor file names).
// Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

// A sensor file name split as "<type><num>_<property>" with node_exporter's
// regexp ^([^0-9]+)([0-9]*)?(_(.+))?$ ("temp1_input" -> temp, 1, input;
// "pwm1" -> pwm, 1, ""; "beep_enable" -> beep_enable, 0, "").
struct HwmonFilename {
  std::string type;
  std::int64_t num = 0;
  std::string property;
};
std::optional<HwmonFilename> ExplodeHwmonFilename(std::string_view name);

// The sensor types node_exporter reads (in, temp, fan, pwm, ...).
bool IsHwmonSensorType(std::string_view type);

// node_exporter's cleanMetricName: lower-case, every character outside
// [a-z0-9:_] becomes '_', then leading/trailing '_' are removed.
std::string CleanHwmonName(std::string_view s);

// Go's strings.ToValidUTF8(s, "\uFFFD"): each run of invalid bytes becomes U+FFFD.
std::string ToValidUtf8(std::string_view s);

// One sensor attribute: the file content without surrounding newlines, and its
// value when it parses as a float (Go's strconv.ParseFloat).
struct HwmonValue {
  std::string raw;
  std::optional<double> number;
};
struct HwmonSensor {
  std::string type;                          // "temp"
  std::map<std::string, HwmonValue> props;   // "input", "max", "label", "" (bare file)
};
// Keyed by "<type><num>" ("temp1"), from the chip directory and its device/.
using HwmonSensors = std::map<std::string, HwmonSensor>;

// An entry of /sys/class/hwmon that is (or links to) a directory.
struct HwmonDir {
  std::string path;   // <sysfs>/class/hwmon/hwmon3
  std::string entry;  // hwmon3
};
// Missing /sys/class/hwmon gives ErrorKind::kNotFound.
Result<std::vector<HwmonDir>> ListHwmonDirs(const Paths& paths);

// How a chip is named; the "name" file is read once for both.
struct HwmonChipIdentity {
  // The label before disambiguation: "<devtype>_<devname>" from the resolved
  // device link, else the cleaned "name" file, else the resolved directory name.
  std::string base;
  // The cleaned "name" file (node_hwmon_chip_names), if present and not empty.
  std::optional<std::string> human;
};
Result<HwmonChipIdentity> ReadHwmonChipIdentity(const std::string& dir);

// Chip labels for all chips: a base name shared by several chips gets the
// human-readable name appended when that tells them apart, else the hwmonX entry.
struct HwmonChipNaming {
  std::string base;
  std::optional<std::string> human;
  std::string entry;
};
std::vector<std::string> DisambiguateHwmonChips(const std::vector<HwmonChipNaming>& chips);

// Sensor attributes of dir and, when it exists, dir/device (which wins on clashes).
// Unreadable attributes are skipped; an unlistable directory is an error.
Result<HwmonSensors> ReadHwmonSensors(const std::string& dir);

}  // namespace host_exporter::sysfs
