// /sys/bus/pci/devices/<segment:bus:device.function> (Documentation/PCI/sysfs-pci.rst,
// Documentation/ABI/testing/sysfs-bus-pci), read as prometheus/procfs's
// PciDevices does (sysfs/pci_device.go).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct PciDeviceLocation {
  int segment = 0, bus = 0, device = 0, function = 0;
};

// Pure. "0000:00:02.1": four hexadecimal numbers (Go's ParseInt(s, 16, 32)).
Result<PciDeviceLocation> ParsePciDeviceLocation(std::string_view loc);
// The label values {segment "%04x", bus "%02x", device "%02x", function "%x"}.
std::array<std::string, 4> PciLocationStrings(const PciDeviceLocation& loc);

struct PciDevice {
  PciDeviceLocation location;
  std::optional<PciDeviceLocation> parent;  // nullopt under a host bridge ("pci0000:00")
  std::uint32_t class_id = 0, vendor = 0, device = 0, subsystem_vendor = 0, subsystem_device = 0, revision = 0;
  std::int32_t numa_node = -1;
  // GT/s and lanes; nullopt when the file is absent, empty or "Unknown...".
  std::optional<double> max_link_speed, max_link_width, current_link_speed, current_link_width;
  std::optional<bool> sriov_drivers_autoprobe;
  std::optional<std::uint32_t> sriov_numvfs, sriov_totalvfs;
  std::optional<std::uint64_t> sriov_vf_total_msix;
  std::optional<bool> d3cold_allowed;
  std::optional<std::string> power_state;  // "D0", "D3hot", "unknown", ...
};

// The attribute files read, and which must exist.
inline constexpr std::string_view kPciRequiredAttributes[] = {
    "class", "vendor", "device", "subsystem_vendor", "subsystem_device", "revision", "numa_node"};
inline constexpr std::string_view kPciOptionalAttributes[] = {
    "max_link_speed",          "max_link_width", "current_link_speed",  "current_link_width",
    "sriov_drivers_autoprobe", "sriov_numvfs",   "sriov_totalvfs",      "sriov_vf_total_msix",
    "d3cold_allowed",          "power_state"};

// Pure. A device from the target of its /sys/bus/pci/devices link
// ("../../../devices/pci0000:00/0000:00:1c.4/0000:04:00.0": the last element is
// the location, the one before it the parent unless it starts with "pci") and its
// attribute files' trimmed contents (an absent file has no entry). Every
// required attribute must be there; errors name the attribute.
Result<PciDevice> ParsePciDevice(std::string_view link_target,
                                 const std::map<std::string, std::string, std::less<>>& attrs);

// Every device, sorted by location. Errors: kNotFound when there is no
// bus/pci/devices directory (node_exporter: no data); kIo when an entry is not a
// symlink or a required attribute cannot be read; kParse naming the file.
Result<std::vector<PciDevice>> ReadPciDevices(const Paths& paths);

}  // namespace host_exporter::sysfs
