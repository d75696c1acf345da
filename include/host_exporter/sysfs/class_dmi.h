// /sys/class/dmi/id/*, the SMBIOS strings of drivers/firmware/dmi-id.c
// (Documentation/ABI/testing/sysfs-class-dmi-id).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

// A field is empty when its file does not exist or may not be read (the serial
// numbers and product_uuid are root-only).
struct DmiClass {
  std::optional<std::string> bios_date;
  std::optional<std::string> bios_release;
  std::optional<std::string> bios_vendor;
  std::optional<std::string> bios_version;
  std::optional<std::string> board_asset_tag;
  std::optional<std::string> board_name;
  std::optional<std::string> board_serial;
  std::optional<std::string> board_vendor;
  std::optional<std::string> board_version;
  std::optional<std::string> chassis_asset_tag;
  std::optional<std::string> chassis_serial;
  std::optional<std::string> chassis_type;
  std::optional<std::string> chassis_vendor;
  std::optional<std::string> chassis_version;
  std::optional<std::string> product_family;
  std::optional<std::string> product_name;
  std::optional<std::string> product_serial;
  std::optional<std::string> product_sku;
  std::optional<std::string> product_uuid;
  std::optional<std::string> product_version;
  std::optional<std::string> sys_vendor;
};

// Reads the regular files of the directory (symlinks, "modalias" and "uevent"
// are skipped). A missing directory is kNotFound; a file that exists but cannot
// be read for a reason other than permissions is an error naming it.
Result<DmiClass> ReadDmiClass(const Paths& paths);

}  // namespace host_exporter::sysfs
