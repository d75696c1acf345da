#include "host_exporter/sysfs/class_dmi.h"

#include <utility>

#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr.h"

namespace host_exporter::sysfs {
namespace {

struct Field {
  std::string_view file;
  std::optional<std::string> DmiClass::*member;
};

constexpr Field kFields[] = {
    {"bios_date", &DmiClass::bios_date},
    {"bios_release", &DmiClass::bios_release},
    {"bios_vendor", &DmiClass::bios_vendor},
    {"bios_version", &DmiClass::bios_version},
    {"board_asset_tag", &DmiClass::board_asset_tag},
    {"board_name", &DmiClass::board_name},
    {"board_serial", &DmiClass::board_serial},
    {"board_vendor", &DmiClass::board_vendor},
    {"board_version", &DmiClass::board_version},
    {"chassis_asset_tag", &DmiClass::chassis_asset_tag},
    {"chassis_serial", &DmiClass::chassis_serial},
    {"chassis_type", &DmiClass::chassis_type},
    {"chassis_vendor", &DmiClass::chassis_vendor},
    {"chassis_version", &DmiClass::chassis_version},
    {"product_family", &DmiClass::product_family},
    {"product_name", &DmiClass::product_name},
    {"product_serial", &DmiClass::product_serial},
    {"product_sku", &DmiClass::product_sku},
    {"product_uuid", &DmiClass::product_uuid},
    {"product_version", &DmiClass::product_version},
    {"sys_vendor", &DmiClass::sys_vendor},
};

}  // namespace

Result<DmiClass> ReadDmiClass(const Paths& paths) {
  std::string dir = paths.Sys("class/dmi/id");
  auto entries = ReadDir(dir);
  if (!entries) return std::unexpected(entries.error());
  DmiClass out;
  for (const DirEntry& entry : *entries) {
    const std::string& name = entry.name;
    if (name == "modalias" || name == "uevent" || !entry.regular) continue;
    std::string path = Paths::Join(dir, name);
    const Field* field = nullptr;
    for (const Field& f : kFields) {
      if (f.file == name) field = &f;
    }
    // procfs reads every regular file, known or not, so an unreadable unknown one fails too.
    auto value = ReadSysAttr(path);
    if (!value) {
      if (value.error().IsPermission()) continue;
      return std::unexpected(value.error());
    }
    if (field != nullptr) out.*(field->member) = std::move(*value);
  }
  return out;
}

}  // namespace host_exporter::sysfs
