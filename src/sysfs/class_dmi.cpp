#include "host_exporter/sysfs/class_dmi.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

constexpr std::size_t kSysReadSize = 128;  // procfs's util.SysReadFile buffer

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

bool IsRegularFile(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool PermissionDenied(const std::string& path) {
  if (::access(path.c_str(), R_OK) == 0) return false;
  return errno == EACCES || errno == EPERM;
}

}  // namespace

std::string ParseDmiValue(std::string_view raw) {
  return std::string(Trim(raw.substr(0, std::min(raw.size(), kSysReadSize))));
}

Result<DmiClass> ReadDmiClass(const Paths& paths) {
  std::string dir = paths.Sys("class/dmi/id");
  auto names = ListDir(dir);
  if (!names) return std::unexpected(names.error());
  DmiClass out;
  for (const std::string& name : *names) {
    std::string path = Paths::Join(dir, name);
    if (name == "modalias" || name == "uevent" || !IsRegularFile(path)) continue;
    const Field* field = nullptr;
    for (const Field& f : kFields) {
      if (f.file == name) field = &f;
    }
    // procfs reads every regular file, known or not, so an unreadable unknown one fails too.
    auto raw = ReadFile(path);
    if (!raw) {
      if (PermissionDenied(path)) continue;
      return std::unexpected(raw.error());
    }
    if (field != nullptr) out.*(field->member) = ParseDmiValue(*raw);
  }
  return out;
}

}  // namespace host_exporter::sysfs
