// /sys/class/power_supply/<supply>/<attribute>, per Documentation/ABI/testing/sysfs-class-power,
// read as prometheus/procfs's PowerSupplyClass does.
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

struct PowerSupply {
  std::string name;  // directory name: "BAT0", "AC"
  // Attributes present on this supply (drivers expose different subsets).
  std::map<std::string, std::int64_t, std::less<>> numbers;  // "capacity" -> 81
  std::map<std::string, std::string, std::less<>> strings;   // "status" -> "Discharging"

  const std::int64_t* Number(std::string_view attr) const;
  std::string_view String(std::string_view attr) const;  // "" when absent
};

// Attribute file name -> trimmed content.
using PowerSupplyAttributes = std::vector<std::pair<std::string, std::string>>;

// The numeric and text attributes procfs knows; other files (uevent, alarm) are ignored.
bool IsPowerSupplyNumber(std::string_view attr);
bool IsPowerSupplyString(std::string_view attr);

// Pure. Stores one attribute; a known numeric attribute must be a decimal or "0x"
// hexadecimal int64.
Status SetPowerSupplyAttribute(PowerSupply& ps, std::string_view attr, std::string_view value);
// Pure. SetPowerSupplyAttribute for each; errors name the attribute.
Result<PowerSupply> ParsePowerSupply(std::string name, const PowerSupplyAttributes& attrs);

// Every supply, sorted by name. Each regular file of a supply is read once (128
// bytes, as procfs); a file that vanished or whose driver answers EOPNOTSUPP or
// ENODEV is skipped, other read errors fail. Errors: kNotFound when the class
// directory or a supply directory is missing, kIo, kParse (naming the file).
Result<std::vector<PowerSupply>> ReadPowerSupplies(const Paths& paths);

}  // namespace host_exporter::sysfs
