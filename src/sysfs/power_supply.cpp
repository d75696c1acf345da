#include "host_exporter/sysfs/power_supply.h"

#include <algorithm>
#include <cerrno>
#include <iterator>

#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr.h"

namespace host_exporter::sysfs {
namespace {

// Sorted, for binary search.
constexpr std::string_view kNumbers[] = {
    "authentic",
    "calibrate",
    "capacity",
    "capacity_alert_max",
    "capacity_alert_min",
    "charge_avg",
    "charge_control_limit",
    "charge_control_limit_max",
    "charge_counter",
    "charge_empty",
    "charge_empty_design",
    "charge_full",
    "charge_full_design",
    "charge_now",
    "charge_term_current",
    "constant_charge_current",
    "constant_charge_current_max",
    "constant_charge_voltage",
    "constant_charge_voltage_max",
    "current_avg",
    "current_boot",
    "current_max",
    "current_now",
    "cycle_count",
    "energy_avg",
    "energy_empty",
    "energy_empty_design",
    "energy_full",
    "energy_full_design",
    "energy_now",
    "input_current_limit",
    "online",
    "power_avg",
    "power_now",
    "precharge_current",
    "present",
    "temp",
    "temp_alert_max",
    "temp_alert_min",
    "temp_ambient",
    "temp_ambient_max",
    "temp_ambient_min",
    "temp_max",
    "temp_min",
    "time_to_empty_avg",
    "time_to_empty_now",
    "time_to_full_avg",
    "time_to_full_now",
    "voltage_avg",
    "voltage_boot",
    "voltage_max",
    "voltage_max_design",
    "voltage_min",
    "voltage_min_design",
    "voltage_now",
    "voltage_ocv",
};

constexpr std::string_view kStrings[] = {
    "capacity_level", "charge_type", "health",     "manufacturer", "model_name", "scope",
    "serial_number",  "status",      "technology", "type",         "usb_type",
};

static_assert(std::is_sorted(std::begin(kNumbers), std::end(kNumbers)));
static_assert(std::is_sorted(std::begin(kStrings), std::end(kStrings)));

// Read errors procfs skips: the file vanished, or the driver does not support it.
bool SkippableReadError(const Error& e) {
  if (e.errnum == ENOENT) return true;
  return !e.at_open && (e.errnum == EOPNOTSUPP || e.errnum == ENODEV);
}

}  // namespace

const std::int64_t* PowerSupply::Number(std::string_view attr) const {
  auto it = numbers.find(attr);
  return it == numbers.end() ? nullptr : &it->second;
}

std::string_view PowerSupply::String(std::string_view attr) const {
  auto it = strings.find(attr);
  return it == strings.end() ? std::string_view() : std::string_view(it->second);
}

bool IsPowerSupplyNumber(std::string_view attr) {
  return std::binary_search(std::begin(kNumbers), std::end(kNumbers), attr);
}

bool IsPowerSupplyString(std::string_view attr) {
  return std::binary_search(std::begin(kStrings), std::end(kStrings), attr);
}

Status SetPowerSupplyAttribute(PowerSupply& ps, std::string_view attr, std::string_view value) {
  if (IsPowerSupplyNumber(attr)) {
    auto v = ParseSysInt64(value);
    if (!v) return std::unexpected(v.error());
    ps.numbers.insert_or_assign(std::string(attr), *v);
  } else if (IsPowerSupplyString(attr)) {
    ps.strings.insert_or_assign(std::string(attr), std::string(value));
  }
  return {};
}

Result<PowerSupply> ParsePowerSupply(std::string name, const PowerSupplyAttributes& attrs) {
  PowerSupply ps;
  ps.name = std::move(name);
  for (const auto& [attr, value] : attrs) {
    if (auto s = SetPowerSupplyAttribute(ps, attr, value); !s) {
      return std::unexpected(InFile(attr, s.error()));
    }
  }
  return ps;
}

Result<std::vector<PowerSupply>> ReadPowerSupplies(const Paths& paths) {
  std::string dir = paths.Sys("class/power_supply");
  auto supplies = ReadDir(dir);
  if (!supplies) return std::unexpected(supplies.error());
  std::vector<PowerSupply> out;
  for (const auto& entry : *supplies) {
    std::string supply_dir = dir + "/" + entry.name;
    auto files = ReadDir(supply_dir);
    if (!files) return std::unexpected(files.error());
    PowerSupply ps;
    ps.name = entry.name;
    for (const auto& f : *files) {
      if (!f.regular) continue;  // device, subsystem, power/ ...
      std::string path = supply_dir + "/" + f.name;
      auto value = ReadSysAttr(path);
      if (!value) {
        if (SkippableReadError(value.error())) continue;
        return std::unexpected(value.error());
      }
      if (auto s = SetPowerSupplyAttribute(ps, f.name, *value); !s) {
        return std::unexpected(InFile(path, s.error()));
      }
    }
    out.push_back(std::move(ps));
  }
  return out;
}

}  // namespace host_exporter::sysfs
