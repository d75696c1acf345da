// node_exporter's nvme collector: node_nvme_* from /sys/class/nvme.
#include "host_exporter/collector.h"
#include "host_exporter/sysfs/class_nvme.h"

namespace host_exporter::collectors::nvme {
namespace {

class NvmeCollector final : public Collector {
 public:
  explicit NvmeCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    // No /sys/class/nvme, or a controller attribute missing: no data.
    auto devices = sysfs::ReadNVMeClass(paths_);
    if (!devices) return std::unexpected(devices.error());
    for (const auto& d : *devices) {
      out.Gauge("node_nvme_info", "Non-numeric data from /sys/class/nvme/<device>, value is always 1.", 1,
                {{"device", d.name},
                 {"firmware_revision", d.firmware_revision},
                 {"model", d.model},
                 {"serial", d.serial},
                 {"state", d.state},
                 {"cntlid", d.controller_id}});
      for (const auto& ns : d.namespaces) {
        out.Gauge("node_nvme_namespace_info", "Information about NVMe namespaces. Value is always 1", 1,
                  {{"device", d.name}, {"nsid", ns.id}, {"ana_state", ns.ana_state}});
        auto gauge = [&](std::string_view name, std::string_view help, std::uint64_t v) {
          out.Gauge(name, help, static_cast<double>(v), {{"device", d.name}, {"nsid", ns.id}});
        };
        gauge("node_nvme_namespace_capacity_bytes",
              "Capacity of the NVMe namespace in bytes. Computed as namespace_size * namespace_logical_block_size",
              ns.capacity_bytes);
        gauge("node_nvme_namespace_size_bytes",
              "Size of the NVMe namespace in bytes. Available in /sys/class/nvme/<device>/<namespace>/size",
              ns.size_bytes);
        gauge("node_nvme_namespace_used_bytes",
              "Used space of the NVMe namespace in bytes. Available in /sys/class/nvme/<device>/<namespace>/nuse",
              ns.used_bytes);
        gauge("node_nvme_namespace_logical_block_size_bytes",
              "Logical block size of the NVMe namespace in bytes. Usually 4Kb. Available in "
              "/sys/class/nvme/<device>/<namespace>/queue/logical_block_size",
              ns.logical_block_size);
      }
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<NvmeCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::nvme
