#include "host_exporter/sysfs/pci_device.h"

#include <cstdio>
#include <limits>

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

// Go's strconv.ParseInt(s, 16, 32): an optional sign, hex digits, no "0x".
Result<int> ParseHex32(std::string_view s, std::string_view what) {
  std::string_view digits = s;
  bool neg = false;
  if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) {
    neg = digits.front() == '-';
    digits.remove_prefix(1);
  }
  auto v = digits.starts_with("0x") || digits.starts_with("0X") ? Result<std::uint64_t>(ParseFail(""))
                                                                 : ParseUint(digits, 16);
  if (!v || *v > (neg ? 0x80000000ULL : 0x7fffffffULL)) {
    return ParseFail("invalid " + std::string(what) + " \"" + std::string(s.substr(0, 32)) + "\"");
  }
  return static_cast<int>(neg ? -static_cast<std::int64_t>(*v) : static_cast<std::int64_t>(*v));
}

// fmt's "%0<width>x" of an int: a '-' counts towards the width.
std::string GoHex(int v, int width) {
  char buf[64];
  width = width < 0 ? 0 : (width > 32 ? 32 : width);  // callers use 2..6
  long long x = v;
  if (x < 0) {
    std::snprintf(buf, sizeof buf, "-%0*llx", width > 1 ? width - 1 : 0, -x);
  } else {
    std::snprintf(buf, sizeof buf, "%0*llx", width, x);
  }
  return buf;
}

std::string_view Base(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view Dir(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view(".") : path.substr(0, slash);
}

std::unexpected<Error> AttrFail(std::string_view attr, std::string_view value, const std::string& why) {
  return ParseFail(std::string(attr) + ": failed to parse \"" + std::string(value.substr(0, 64)) + "\": " + why);
}

Result<std::uint32_t> Uint32(std::string_view attr, std::string_view value) {
  auto v = ParseUint(value);
  if (!v || *v > std::numeric_limits<std::uint32_t>::max()) return AttrFail(attr, value, "not a 32-bit unsigned integer");
  return static_cast<std::uint32_t>(*v);
}

Result<bool> Flag(std::string_view attr, std::string_view value) {
  auto v = ParseInt(value);
  if (!v || *v < std::numeric_limits<std::int32_t>::min() || *v > std::numeric_limits<std::int32_t>::max()) {
    return AttrFail(attr, value, "not a 32-bit integer");
  }
  return *v != 0;
}

// "8.0 GT/s PCIe" -> 8.0 (Go: SplitAfterN(v, " ", 2), the unit must be exactly "GT/s PCIe").
Result<double> LinkSpeed(std::string_view attr, std::string_view value) {
  std::size_t space = value.find(' ');
  if (space == std::string_view::npos) return AttrFail(attr, value, "no unit");
  if (value.substr(space + 1) != "GT/s PCIe") return AttrFail(attr, value, "unknown unit");
  auto v = gocompat::ParseFloat(Trim(value.substr(0, space + 1)));
  if (!v) return AttrFail(attr, value, v.error().message);
  return *v;
}

}  // namespace

Result<PciDeviceLocation> ParsePciDeviceLocation(std::string_view loc) {
  auto parts = Split(loc, ':');
  if (parts.size() != 3) return ParseFail("invalid location '" + std::string(loc) + "'");
  auto devfn = Split(parts[2], '.');
  if (devfn.size() != 2) return ParseFail("invalid location '" + std::string(loc) + "'");
  PciDeviceLocation out;
  auto seg = ParseHex32(parts[0], "segment");
  if (!seg) return std::unexpected(seg.error());
  auto bus = ParseHex32(parts[1], "bus");
  if (!bus) return std::unexpected(bus.error());
  auto dev = ParseHex32(devfn[0], "device");
  if (!dev) return std::unexpected(dev.error());
  auto fn = ParseHex32(devfn[1], "function");
  if (!fn) return std::unexpected(fn.error());
  out.segment = *seg;
  out.bus = *bus;
  out.device = *dev;
  out.function = *fn;
  return out;
}

std::array<std::string, 4> PciLocationStrings(const PciDeviceLocation& loc) {
  return {GoHex(loc.segment, 4), GoHex(loc.bus, 2), GoHex(loc.device, 2), GoHex(loc.function, 1)};
}

Result<PciDevice> ParsePciDevice(std::string_view link_target,
                                 const std::map<std::string, std::string, std::less<>>& attrs) {
  PciDevice d;
  std::string_view loc = Base(link_target);
  auto location = ParsePciDeviceLocation(loc);
  if (!location) return ParseFail("failed to parse device location \"" + std::string(loc) + "\": " +
                                  location.error().message);
  d.location = *location;
  std::string_view parent = Base(Dir(link_target));
  if (!parent.starts_with("pci")) {
    auto p = ParsePciDeviceLocation(parent);
    if (!p) return ParseFail("failed to parse parent device location \"" + std::string(parent) + "\": " +
                             p.error().message);
    d.parent = *p;
  }

  for (std::string_view attr : kPciRequiredAttributes) {
    auto it = attrs.find(attr);
    if (it == attrs.end()) return Fail(ErrorKind::kIo, std::string(attr) + ": missing");
    auto v = gocompat::ParseIntBase0(it->second, 32);
    if (!v) return AttrFail(attr, it->second, "not a 32-bit integer");
    auto u = static_cast<std::uint32_t>(*v);
    if (attr == "class") d.class_id = u;
    else if (attr == "vendor") d.vendor = u;
    else if (attr == "device") d.device = u;
    else if (attr == "subsystem_vendor") d.subsystem_vendor = u;
    else if (attr == "subsystem_device") d.subsystem_device = u;
    else if (attr == "revision") d.revision = u;
    else d.numa_node = static_cast<std::int32_t>(*v);
  }

  auto get = [&](std::string_view attr) -> const std::string* {
    auto it = attrs.find(attr);
    return it == attrs.end() ? nullptr : &it->second;
  };
  for (auto [attr, dst] : {std::pair{"max_link_speed", &d.max_link_speed},
                           std::pair{"current_link_speed", &d.current_link_speed}}) {
    const std::string* v = get(attr);
    if (v == nullptr || v->empty() || v->starts_with("Unknown")) continue;
    auto speed = LinkSpeed(attr, *v);
    if (!speed) return std::unexpected(speed.error());
    *dst = *speed;
  }
  for (auto [attr, dst] : {std::pair{"max_link_width", &d.max_link_width},
                           std::pair{"current_link_width", &d.current_link_width}}) {
    const std::string* v = get(attr);
    if (v == nullptr || v->empty() || v->starts_with("Unknown")) continue;
    auto width = ParseInt(*v);
    if (!width) return AttrFail(attr, *v, "not an integer");
    *dst = static_cast<double>(*width);
  }
  if (const std::string* v = get("sriov_drivers_autoprobe"); v != nullptr && !v->empty()) {
    auto b = Flag("sriov_drivers_autoprobe", *v);
    if (!b) return std::unexpected(b.error());
    d.sriov_drivers_autoprobe = *b;
  }
  for (auto [attr, dst] : {std::pair{"sriov_numvfs", &d.sriov_numvfs}, std::pair{"sriov_totalvfs", &d.sriov_totalvfs}}) {
    const std::string* v = get(attr);
    if (v == nullptr || v->empty()) continue;
    auto n = Uint32(attr, *v);
    if (!n) return std::unexpected(n.error());
    *dst = *n;
  }
  if (const std::string* v = get("sriov_vf_total_msix"); v != nullptr && !v->empty()) {
    auto n = ParseInt(*v);
    if (!n) return AttrFail("sriov_vf_total_msix", *v, "not an integer");
    d.sriov_vf_total_msix = static_cast<std::uint64_t>(*n);
  }
  if (const std::string* v = get("d3cold_allowed"); v != nullptr && !v->empty()) {
    auto b = Flag("d3cold_allowed", *v);
    if (!b) return std::unexpected(b.error());
    d.d3cold_allowed = *b;
  }
  if (const std::string* v = get("power_state"); v != nullptr && !v->empty()) d.power_state = *v;
  return d;
}

Result<std::vector<PciDevice>> ReadPciDevices(const Paths& paths) {
  std::string dir = paths.Sys("bus/pci/devices");
  auto entries = ReadDir(dir);
  if (!entries) return std::unexpected(entries.error());
  std::map<std::string, PciDevice> devices;  // procfs keys them by location
  for (const auto& entry : *entries) {
    std::string path = dir + "/" + entry.name;
    auto target = ReadLink(path);
    if (!target) {
      Error e = target.error();
      e.kind = ErrorKind::kIo;  // a listed entry that is not a link is not "no data"
      e.message = "failed to readlink: " + e.message;
      return std::unexpected(std::move(e));
    }
    std::map<std::string, std::string, std::less<>> attrs;
    auto read = [&](std::string_view attr, bool required) -> Status {
      std::string file = path + "/" + std::string(attr);
      auto value = ReadSysAttr(file);
      if (!value) {
        if (value.error().kind == ErrorKind::kNotFound && !required) return {};
        Error e = value.error();
        e.kind = ErrorKind::kIo;
        e.message = "failed to read file: " + e.message;
        return std::unexpected(std::move(e));
      }
      attrs.emplace(std::string(attr), std::move(*value));
      return {};
    };
    for (std::string_view attr : kPciRequiredAttributes) {
      if (auto st = read(attr, true); !st) return std::unexpected(st.error());
    }
    for (std::string_view attr : kPciOptionalAttributes) {
      if (auto st = read(attr, false); !st) return std::unexpected(st.error());
    }
    auto device = ParsePciDevice(*target, attrs);
    if (!device) return std::unexpected(InFile(path, device.error()));
    auto loc = PciLocationStrings(device->location);
    devices[loc[0] + ":" + loc[1] + ":" + loc[2] + ":" + loc[3]] = std::move(*device);
  }
  std::vector<PciDevice> out;
  out.reserve(devices.size());
  for (auto& [name, device] : devices) out.push_back(std::move(device));
  return out;
}

}  // namespace host_exporter::sysfs
