// node_exporter's dmmultipath collector: node_dmmultipath_* from /sys/block/dm-*.
#include "host_exporter/collector.h"
#include "host_exporter/sysfs/attr_read.h"
#include "host_exporter/sysfs/block_dm_multipath.h"

namespace host_exporter::collectors::dmmultipath {
namespace {

// Healthy, usable paths: SCSI "running" or NVMe "live". Any other state,
// including unknown ones, counts as failed.
bool IsPathActive(const std::string& state) { return state == "running" || state == "live"; }

class DmmultipathCollector final : public Collector {
 public:
  explicit DmmultipathCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto devices = sysfs::ReadDMMultipathDevices(paths_);
    if (!devices) {
      Error e = devices.error();
      // A missing or unreadable file anywhere is "no data" in node_exporter.
      if (sysfs::IsPermissionError(e)) e.kind = ErrorKind::kNoData;
      if (!e.IsNoData()) e.message = "failed to scan DM-multipath devices: " + e.message;
      return std::unexpected(e);
    }
    for (const auto& d : *devices) {
      out.Gauge("node_dmmultipath_device_info", "Non-numeric information about a DM-multipath device.", 1,
                {{"device", d.name}, {"sysfs_name", d.sysfs_name}, {"uuid", d.uuid}});
      auto gauge = [&](std::string_view name, std::string_view help, double v) {
        out.Gauge(name, help, v, {{"device", d.name}, {"sysfs_name", d.sysfs_name}});
      };
      gauge("node_dmmultipath_device_active", "Whether the multipath device-mapper device is active (1) or suspended (0).",
            d.suspended ? 0 : 1);
      gauge("node_dmmultipath_device_size_bytes", "Size of the multipath device in bytes, read from /sys/block/<dm>/size.",
            static_cast<double>(d.size_bytes));
      double active = 0, failed = 0;
      for (const auto& p : d.paths) {
        (IsPathActive(p.state) ? active : failed) += 1;
        out.Gauge("node_dmmultipath_path_state",
                  "Reports the underlying device state for a multipath path, as read from /sys/block/<dev>/device/state.",
                  1, {{"device", d.name}, {"path", p.device}, {"state", p.state}});
      }
      gauge("node_dmmultipath_device_paths", "Number of paths for a multipath device.",
            static_cast<double>(d.paths.size()));
      gauge("node_dmmultipath_device_paths_active",
            "Number of paths in active state (SCSI running or NVMe live) for a multipath device.", active);
      gauge("node_dmmultipath_device_paths_failed", "Number of paths not in active state for a multipath device.", failed);
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<DmmultipathCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::dmmultipath
