#include "host_exporter/sysfs/net_class.h"

#include <dirent.h>
#include <fcntl.h>

#include <cerrno>

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/sysfs/attr.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

constexpr std::string_view kNetClass = "class/net";

enum class Kind { kInt, kString };
struct Field {
  std::string_view name;
  Kind kind;
  std::optional<std::int64_t> NetClassIface::* num;
  std::string NetClassIface::* str;
};

constexpr Field kFields[] = {
    {"addr_assign_type", Kind::kInt, &NetClassIface::addr_assign_type, nullptr},
    {"addr_len", Kind::kInt, &NetClassIface::addr_len, nullptr},
    {"address", Kind::kString, nullptr, &NetClassIface::address},
    {"broadcast", Kind::kString, nullptr, &NetClassIface::broadcast},
    {"carrier", Kind::kInt, &NetClassIface::carrier, nullptr},
    {"carrier_changes", Kind::kInt, &NetClassIface::carrier_changes, nullptr},
    {"carrier_down_count", Kind::kInt, &NetClassIface::carrier_down_count, nullptr},
    {"carrier_up_count", Kind::kInt, &NetClassIface::carrier_up_count, nullptr},
    {"dev_id", Kind::kInt, &NetClassIface::dev_id, nullptr},
    {"dormant", Kind::kInt, &NetClassIface::dormant, nullptr},
    {"duplex", Kind::kString, nullptr, &NetClassIface::duplex},
    {"flags", Kind::kInt, &NetClassIface::flags, nullptr},
    {"ifalias", Kind::kString, nullptr, &NetClassIface::ifalias},
    {"ifindex", Kind::kInt, &NetClassIface::ifindex, nullptr},
    {"iflink", Kind::kInt, &NetClassIface::iflink, nullptr},
    {"link_mode", Kind::kInt, &NetClassIface::link_mode, nullptr},
    {"mtu", Kind::kInt, &NetClassIface::mtu, nullptr},
    {"name_assign_type", Kind::kInt, &NetClassIface::name_assign_type, nullptr},
    {"netdev_group", Kind::kInt, &NetClassIface::netdev_group, nullptr},
    {"operstate", Kind::kString, nullptr, &NetClassIface::operstate},
    {"phys_port_id", Kind::kString, nullptr, &NetClassIface::phys_port_id},
    {"phys_port_name", Kind::kString, nullptr, &NetClassIface::phys_port_name},
    {"phys_switch_id", Kind::kString, nullptr, &NetClassIface::phys_switch_id},
    {"speed", Kind::kInt, &NetClassIface::speed, nullptr},
    {"tx_queue_len", Kind::kInt, &NetClassIface::tx_queue_len, nullptr},
    {"type", Kind::kInt, &NetClassIface::type, nullptr},
};

const Field* FindField(std::string_view name) {
  for (const Field& f : kFields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// Reads one attribute into iface; ignorable errors leave it unset.
// With `at`, the open directory `dir` names (File::OpenAt).
Status ReadAttribute(const std::string& dir, std::string_view attr, NetClassIface& iface,
                     const File* at = nullptr) {
  std::string path = Paths::Join(dir, attr);
  auto text = at != nullptr ? ReadSysAttrAt(*at, attr, path) : ReadSysAttr(path);
  if (!text) {
    if (IsIgnorableAttributeError(text.error())) return {};
    return Fail(text.error().kind, "failed to read file \"" + path + "\": " + text.error().message);
  }
  ParseNetClassAttribute(attr, *text, iface);
  return {};
}

}  // namespace

void ParseNetClassAttribute(std::string_view attr, std::string_view value, NetClassIface& iface) {
  const Field* f = FindField(attr);
  if (f == nullptr) return;
  if (f->kind == Kind::kString) {
    iface.*(f->str) = std::string(value);
    return;
  }
  auto v = gocompat::ParseIntBase0(value);
  if (v) {
    iface.*(f->num) = *v;
  } else {
    iface.*(f->num) = std::nullopt;
  }
}

bool IsIgnorableAttributeError(const Error& e) {
  return e.kind == ErrorKind::kNotFound || e.errnum == EACCES || e.errnum == EPERM || e.errnum == EOPNOTSUPP ||
         e.errnum == EINVAL;
}

Result<std::vector<std::string>> ReadNetClassDevices(const Paths& paths) {
  std::string dir = paths.Sys(kNetClass);
  auto entries = ReadDir(dir);
  if (!entries) return std::unexpected(entries.error());
  std::vector<std::string> out;
  for (auto& e : *entries) {
    if (e.regular && !IsFlattenedLink(dir + "/" + e.name)) continue;  // bonding_masters
    out.push_back(std::move(e.name));
  }
  return out;
}

Result<NetClassIface> ReadNetClassIface(const Paths& paths, std::string_view device) {
  std::string dir = paths.Sys(std::string(kNetClass) + "/" + std::string(device));
  auto entries = ReadDir(dir);
  if (!entries) return std::unexpected(entries.error());
  NetClassIface iface;
  iface.name = std::string(device);
  for (const auto& e : *entries) {
    if (!e.regular || FindField(e.name) == nullptr) continue;
    if (auto s = ReadAttribute(dir, e.name, iface); !s) return std::unexpected(s.error());
  }
  return iface;
}

Result<NetClassIface> ReadNetClassAttributes(const Paths& paths, std::string_view device,
                                             std::span<const std::string_view> attrs) {
  std::string dir = paths.Sys(std::string(kNetClass) + "/" + std::string(device));
  NetClassIface iface;
  iface.name = std::string(device);
  // One lookup of class/net/<device> (a symlink into devices/) for all of them;
  // if the directory cannot be opened each attribute's own open says why.
  auto at = File::Open(dir, O_DIRECTORY | O_PATH);
  for (std::string_view a : attrs) {
    if (auto s = ReadAttribute(dir, a, iface, at ? &*at : nullptr); !s) return std::unexpected(s.error());
  }
  return iface;
}

Result<std::vector<NetClassIface>> ReadNetClass(const Paths& paths) {
  auto devices = ReadNetClassDevices(paths);
  if (!devices) return std::unexpected(devices.error());
  std::vector<NetClassIface> out;
  for (const auto& d : *devices) {
    auto iface = ReadNetClassIface(paths, d);
    if (!iface) return std::unexpected(iface.error());
    out.push_back(std::move(*iface));
  }
  return out;
}

}  // namespace host_exporter::sysfs
