// pci.ids, the PCI ID database of pciutils (/usr/share/misc/pci.ids), parsed as
// node_exporter's pcidevice collector parses it for --collector.pcidevice.names.
// Thread safety: PciIds is immutable after parsing and safe to share.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace host_exporter::sysfs {

struct PciIds {
  std::map<std::string, std::string, std::less<>> vendors;     // "8086" -> "Intel Corporation"
  std::map<std::string, std::string, std::less<>> devices;     // "8086:1521" -> device name
  std::map<std::string, std::string, std::less<>> subsystems;  // "8086:1521:8086:00a3" -> name
  std::map<std::string, std::string, std::less<>> classes;     // "02" (base class)
  std::map<std::string, std::string, std::less<>> subclasses;  // "0200"
  std::map<std::string, std::string, std::less<>> prog_ifs;    // "010802"

  // node_exporter's name lookups; ids are as the labels print them ("0x8086").
  // An unknown id gives the id without "0x" (a class: "Unknown class (060400)").
  std::string VendorName(std::string_view vendor_id) const;
  std::string DeviceName(std::string_view vendor_id, std::string_view device_id) const;
  std::string SubsystemName(std::string_view vendor_id, std::string_view device_id, std::string_view subvendor_id,
                            std::string_view subdevice_id) const;
  std::string ClassName(std::string_view class_id) const;
};

// Pure. Lines that do not fit the format are skipped, so this never fails.
PciIds ParsePciIds(std::string_view text);

}  // namespace host_exporter::sysfs
