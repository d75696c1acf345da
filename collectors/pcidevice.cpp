// node_exporter's pcidevice collector: node_pcidevice_* per PCI function from
// /sys/bus/pci/devices, with vendor/device/class names from pci.ids when
// --collector.pcidevice.names is set (disabled by default, as in node_exporter).
#include <array>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>

#include "host_exporter/collector.h"
#include "host_exporter/file.h"
#include "host_exporter/log.h"
#include "host_exporter/sysfs/pci_device.h"
#include "host_exporter/sysfs/pci_ids.h"

namespace host_exporter::collectors::pcidevice {
namespace {

constexpr std::string_view kIdsFileFlag = "collector.pcidevice.idsfile";
constexpr std::string_view kNamesFlag = "collector.pcidevice.names";
// node_exporter looks in these when --collector.pcidevice.idsfile is not given.
constexpr std::string_view kDefaultIdsFiles[] = {"/usr/share/misc/pci.ids", "/usr/share/hwdata/pci.ids"};

std::string Hex(std::uint32_t v, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%0*x", width, v);
  return buf;
}

class PcideviceCollector final : public Collector {
 public:
  PcideviceCollector(Paths paths, std::optional<sysfs::PciIds> ids) : paths_(std::move(paths)), ids_(std::move(ids)) {}

  Status Collect(MetricWriter& out) const override {
    auto devices = sysfs::ReadPciDevices(paths_);
    if (!devices) {
      Error e = devices.error();
      if (e.kind == ErrorKind::kNotFound) {
        e.kind = ErrorKind::kNoData;
        e.message = "PCI device not found, skipping: " + e.message;
      } else {
        e.message = "error obtaining PCI device info: " + e.message;
      }
      return std::unexpected(std::move(e));
    }
    for (const auto& d : *devices) Emit(d, out);
    return {};
  }

 private:
  void Emit(const sysfs::PciDevice& d, MetricWriter& out) const {
    auto loc = sysfs::PciLocationStrings(d.location);
    std::array<std::string, 4> parent = {"*", "*", "*", "*"};
    if (d.parent) parent = sysfs::PciLocationStrings(*d.parent);
    std::string class_id = Hex(d.class_id, 6), vendor_id = Hex(d.vendor, 4), device_id = Hex(d.device, 4),
                subvendor_id = Hex(d.subsystem_vendor, 4), subdevice_id = Hex(d.subsystem_device, 4);
    Labels info = {{"segment", loc[0]},
                   {"bus", loc[1]},
                   {"device", loc[2]},
                   {"function", loc[3]},
                   {"parent_segment", parent[0]},
                   {"parent_bus", parent[1]},
                   {"parent_device", parent[2]},
                   {"parent_function", parent[3]},
                   {"class_id", class_id},
                   {"vendor_id", vendor_id},
                   {"device_id", device_id},
                   {"subsystem_vendor_id", subvendor_id},
                   {"subsystem_device_id", subdevice_id},
                   {"revision", Hex(d.revision, 2)}};
    if (ids_) {
      info.push_back({"vendor_name", ids_->VendorName(vendor_id)});
      info.push_back({"device_name", ids_->DeviceName(vendor_id, device_id)});
      info.push_back({"subsystem_vendor_name", ids_->VendorName(subvendor_id)});
      info.push_back({"subsystem_device_name", ids_->SubsystemName(vendor_id, device_id, subvendor_id, subdevice_id)});
      info.push_back({"class_name", ids_->ClassName(class_id)});
    }
    out.Gauge("node_pcidevice_info", "Non-numeric data from /sys/bus/pci/devices/<location>, value is always 1.", 1,
              std::move(info));

    auto gauge = [&](std::string_view name, std::string_view help, double v) {
      out.Gauge(name, help, v, {{"segment", loc[0]}, {"bus", loc[1]}, {"device", loc[2]}, {"function", loc[3]}});
    };
    // Speeds are GT/s; absent link attributes are -1, absent SR-IOV and power ones 0.
    gauge("node_pcidevice_max_link_transfers_per_second", "Value of maximum link's transfers per second (T/s)",
          d.max_link_speed ? *d.max_link_speed * 1e9 : -1);
    gauge("node_pcidevice_max_link_width", "Value of maximum link's width (number of lanes)",
          d.max_link_width.value_or(-1));
    gauge("node_pcidevice_current_link_transfers_per_second", "Value of current link's transfers per second (T/s)",
          d.current_link_speed ? *d.current_link_speed * 1e9 : -1);
    gauge("node_pcidevice_current_link_width", "Value of current link's width (number of lanes)",
          d.current_link_width.value_or(-1));
    gauge("node_pcidevice_d3cold_allowed", "Whether the PCIe device supports D3cold power state (0/1).",
          d.d3cold_allowed.value_or(false) ? 1 : 0);
    gauge("node_pcidevice_sriov_drivers_autoprobe", "Whether SR-IOV drivers autoprobe is enabled for the device (0/1).",
          d.sriov_drivers_autoprobe.value_or(false) ? 1 : 0);
    gauge("node_pcidevice_sriov_numvfs", "Number of Virtual Functions (VFs) currently enabled for SR-IOV.",
          d.sriov_numvfs.value_or(0));
    gauge("node_pcidevice_sriov_totalvfs", "Total number of Virtual Functions (VFs) supported by the device.",
          d.sriov_totalvfs.value_or(0));
    gauge("node_pcidevice_sriov_vf_total_msix", "Total number of MSI-X vectors for Virtual Functions.",
          static_cast<double>(d.sriov_vf_total_msix.value_or(0)));
    if (d.power_state) {
      for (std::string_view state : {"D0", "D1", "D2", "D3hot", "D3cold", "unknown", "error"}) {
        out.Gauge("node_pcidevice_power_state",
                  "PCIe device power state, one of: D0, D1, D2, D3hot, D3cold, unknown or error.",
                  *d.power_state == state ? 1 : 0,
                  {{"segment", loc[0]}, {"bus", loc[1]}, {"device", loc[2]}, {"function", loc[3]}, {"state", state}});
      }
    }
    // -1 is "no NUMA node": node_exporter leaves the series out.
    if (d.numa_node != -1) {
      gauge("node_pcidevice_numa_node", "NUMA node number for the PCI device. -1 indicates unknown or not available.",
            d.numa_node);
    }
  }

  Paths paths_;
  std::optional<sysfs::PciIds> ids_;  // set with --collector.pcidevice.names
};

// node_exporter reads pci.ids once at start-up; an unreadable file only costs the names.
sysfs::PciIds LoadPciIds(const std::string& flag_file) {
  std::vector<std::string> candidates;
  if (!flag_file.empty()) {
    candidates.push_back(flag_file);
  } else {
    for (auto f : kDefaultIdsFiles) candidates.emplace_back(f);
  }
  for (const auto& path : candidates) {
    auto text = ReadFile(path);
    if (text) return sysfs::ParsePciIds(*text);
    log::Debug("Failed to open PCI IDs file", {{"file", path}, {"error", text.error().message}});
  }
  return {};
}

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.String(std::string(kIdsFileFlag), "", "Path to pci.ids file to use for PCI device identification.");
  flags.Bool(std::string(kNamesFlag), false, "Enable PCI device name resolution (requires pci.ids file).");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  std::optional<sysfs::PciIds> ids;
  if (cfg.flags.GetBool(kNamesFlag)) ids = LoadPciIds(cfg.flags.GetString(kIdsFileFlag));
  return std::make_unique<PcideviceCollector>(cfg.paths, std::move(ids));
}

}  // namespace host_exporter::collectors::pcidevice
