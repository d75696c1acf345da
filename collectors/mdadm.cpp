// node_exporter's mdadm collector: node_md_* from /proc/mdstat and /sys/block/md*/md.
#include "host_exporter/collector.h"
#include "host_exporter/procfs/mdstat.h"
#include "host_exporter/sysfs/block_md.h"

namespace host_exporter::collectors::mdadm {
namespace {

class MdadmCollector final : public Collector {
 public:
  explicit MdadmCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto stats = procfs::ReadMDStat(paths_);
    if (!stats) return std::unexpected(stats.error());  // no /proc/mdstat: md not loaded, no data

    for (const auto& md : *stats) {
      const std::string& dev = md.name;
      out.Gauge("node_md_disks_required", "Total number of disks of device.", static_cast<double>(md.disks_total),
                {{"device", dev}});
      const char* kDisksHelp = "Number of active/failed/spare disks of device.";
      out.Gauge("node_md_disks", kDisksHelp, static_cast<double>(md.disks_active), {{"device", dev}, {"state", "active"}});
      out.Gauge("node_md_disks", kDisksHelp, static_cast<double>(md.disks_failed), {{"device", dev}, {"state", "failed"}});
      out.Gauge("node_md_disks", kDisksHelp, static_cast<double>(md.disks_spare), {{"device", dev}, {"state", "spare"}});
      // The label says resync/check while procfs says resyncing/checking; a
      // reshaping array has none of the five set.
      struct State {
        const char* label;
        const char* activity;
      };
      for (State s : {State{"active", "active"}, State{"inactive", "inactive"}, State{"recovering", "recovering"},
                      State{"resync", "resyncing"}, State{"check", "checking"}}) {
        out.Gauge("node_md_state", "Indicates the state of md-device.", md.activity_state == s.activity ? 1 : 0,
                  {{"device", dev}, {"state", s.label}});
      }
      out.Gauge("node_md_blocks", "Total number of blocks on device.", static_cast<double>(md.blocks_total),
                {{"device", dev}});
      out.Gauge("node_md_blocks_synced", "Number of blocks synced on device.", static_cast<double>(md.blocks_synced),
                {{"device", dev}});
    }

    auto raids = sysfs::ReadMdraids(paths_);
    if (!raids) {
      if (raids.error().IsNoData()) return std::unexpected(raids.error());  // no data, after the mdstat series
      Error e = raids.error();
      e.message = "error parsing mdraids: " + e.message;
      return std::unexpected(e);
    }
    for (const auto& r : *raids) {
      if (r.disks) {
        out.Gauge("node_md_raid_disks", "Number of raid disks on device.", static_cast<double>(*r.disks),
                  {{"device", r.device}});
      }
      out.Gauge("node_md_degraded", "Number of degraded disks on device.", static_cast<double>(r.degraded_disks),
                {{"device", r.device}});
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<MdadmCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::mdadm
