#include "host_exporter/sysfs/pci_ids.h"

#include <algorithm>
#include <cctype>

#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

// Go's strings.SplitN(line, "  ", 2) when it yields two parts, trimmed.
bool SplitName(std::string_view line, std::string_view& id, std::string_view& name) {
  std::size_t sep = line.find("  ");
  if (sep == std::string_view::npos) return false;
  id = Trim(line.substr(0, sep));
  name = Trim(line.substr(sep + 2));
  return true;
}

std::string_view StripHexPrefix(std::string_view s) { return s.starts_with("0x") ? s.substr(2) : s; }

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

PciIds ParsePciIds(std::string_view text) {
  PciIds ids;
  std::string vendor, device, base_class, subclass;
  bool in_class = false;
  std::string_view id, name;
  for (std::string_view line : SplitLines(text)) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (line.starts_with("C ")) {
      if (SplitName(line, id, name)) {
        base_class = std::string(Trim(id.substr(1)));
        ids.classes[base_class] = std::string(name);
        in_class = true;
      }
      continue;
    }
    bool tab1 = line.starts_with("\t") && !line.starts_with("\t\t");
    bool tab2 = line.starts_with("\t\t") && !line.starts_with("\t\t\t");
    if (tab1 && in_class) {
      if (SplitName(line.substr(1), id, name) && !base_class.empty()) {
        subclass = base_class + std::string(id);
        ids.subclasses[subclass] = std::string(name);
      }
      continue;
    }
    if (tab2 && in_class) {
      if (SplitName(line.substr(2), id, name) && !subclass.empty()) ids.prog_ifs[subclass + std::string(id)] = std::string(name);
      continue;
    }
    if (!line.starts_with("\t")) {
      if (SplitName(line, id, name)) {
        vendor = std::string(id);
        ids.vendors[vendor] = std::string(name);
        device.clear();
        in_class = false;
      }
      continue;
    }
    if (tab1) {
      if (SplitName(line.substr(1), id, name) && !vendor.empty()) {
        device = std::string(id);
        ids.devices[vendor + ":" + device] = std::string(name);
      }
      continue;
    }
    // "\t\t<subvendor> <subdevice>  <name>" (and, as in node_exporter, deeper tabs).
    if (SplitName(line.substr(2), id, name) && !vendor.empty() && !device.empty()) {
      auto sub = SplitFields(id);
      if (sub.size() == 2) {
        ids.subsystems[vendor + ":" + device + ":" + std::string(sub[0]) + ":" + std::string(sub[1])] =
            std::string(name);
      }
    }
  }
  return ids;
}

std::string PciIds::VendorName(std::string_view vendor_id) const {
  std::string v = Lower(StripHexPrefix(vendor_id));
  auto it = vendors.find(v);
  return it != vendors.end() ? it->second : v;
}

std::string PciIds::DeviceName(std::string_view vendor_id, std::string_view device_id) const {
  std::string v = Lower(StripHexPrefix(vendor_id)), d = Lower(StripHexPrefix(device_id));
  auto it = devices.find(v + ":" + d);
  return it != devices.end() ? it->second : d;
}

std::string PciIds::SubsystemName(std::string_view vendor_id, std::string_view device_id,
                                  std::string_view subvendor_id, std::string_view subdevice_id) const {
  std::string key = std::string(StripHexPrefix(vendor_id)) + ":" + std::string(StripHexPrefix(device_id)) + ":" +
                    std::string(StripHexPrefix(subvendor_id)) + ":" + std::string(StripHexPrefix(subdevice_id));
  auto it = subsystems.find(key);
  return it != subsystems.end() ? it->second : std::string(StripHexPrefix(subdevice_id));
}

std::string PciIds::ClassName(std::string_view class_id) const {
  std::string c = Lower(StripHexPrefix(class_id));
  for (std::size_t len : {6, 4, 2}) {
    if (c.size() < len) continue;
    const auto& table = len == 6 ? prog_ifs : len == 4 ? subclasses : classes;
    if (auto it = table.find(std::string_view(c).substr(0, len)); it != table.end()) return it->second;
  }
  return "Unknown class (" + c + ")";
}

}  // namespace host_exporter::sysfs
